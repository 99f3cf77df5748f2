using System.Text.Encodings.Web;
using Npgsql;

// The least an ASP.NET Core page that reads the database can do: Kestrel, routing, one pooled Npgsql query for one
// row and an HTML-encoded page. The HTTP benchmark measures the portal's pages as a ratio of this one's throughput.
//   ConnectionStrings__Floor   the database (the benchmark's, with the portal's demo briefings)
//   GET /briefing/{yyyy-MM-dd} the title of that day's briefing
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Floor")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Floor to the benchmark database.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
app.MapGet("/briefing/{date}", async (DateOnly date, HttpContext context) =>
{
    await using var command = dataSource.CreateCommand("""SELECT "Title" FROM briefings WHERE "EditionDate" = $1""");
    command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date });
    if (await command.ExecuteScalarAsync(context.RequestAborted) is not string title)
    {
        return Results.NotFound();
    }

    var encoded = HtmlEncoder.Default.Encode(title);
    return Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{encoded}</title></head><body><main><h1>{encoded}</h1><p>Edition of {date:yyyy-MM-dd}.</p></main></body></html>",
        "text/html; charset=utf-8");
});
app.MapGet("/health", () => "ok");
await app.RunAsync();
