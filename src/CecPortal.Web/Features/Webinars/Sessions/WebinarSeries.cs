using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// The monthly series rule as staff set it ("second Tuesday, 15:00 Europe/Brussels, 60 minutes"); the planner keeps
/// the next sessions created from it. Sessions keep their own instants, so editing the rule never moves a session
/// that was moved, retitled or cancelled by hand.
/// </summary>
public sealed class WebinarSeries
{
    private WebinarSeries()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Title { get; private set; } = string.Empty;

    public WeekOfMonth Week { get; private set; }

    public DayOfWeek DayOfWeek { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public string TimeZoneId { get; private set; } = string.Empty;

    public int DurationMinutes { get; private set; }

    public int DefaultCapacity { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public SeriesRule Rule => SeriesRule.Create(Week, DayOfWeek, StartTime, TimeZoneId, TimeSpan.FromMinutes(DurationMinutes));

    public static WebinarSeries Create(string title, SeriesRule rule, int defaultCapacity, DateTimeOffset now)
    {
        var series = new WebinarSeries { CreatedAt = now, IsActive = true };
        series.Change(title, rule, defaultCapacity);
        return series;
    }

    public void Change(string title, SeriesRule rule, int defaultCapacity)
    {
        if (defaultCapacity is < 1 or > WebinarLimits.MaxCapacity)
        {
            throw new WebinarRuleException($"The capacity must be between 1 and {WebinarLimits.MaxCapacity:N0}.");
        }

        Title = title.Trim();
        Week = rule.Week;
        DayOfWeek = rule.DayOfWeek;
        StartTime = rule.StartTime;
        TimeZoneId = rule.TimeZoneId;
        DurationMinutes = (int)rule.Duration.TotalMinutes;
        DefaultCapacity = defaultCapacity;
    }

    public void Pause() => IsActive = false;

    public void Resume() => IsActive = true;
}

public sealed class WebinarSeriesConfiguration : IEntityTypeConfiguration<WebinarSeries>
{
    public void Configure(EntityTypeBuilder<WebinarSeries> builder)
    {
        builder.ToTable("webinar_series");
        builder.Property(s => s.Title).HasMaxLength(WebinarLimits.Title);
        builder.Property(s => s.TimeZoneId).HasMaxLength(WebinarLimits.TimeZoneId);
        builder.Ignore(s => s.Rule);
    }
}
