using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// The folder of .eml files behind the development mailbox. A message is written under a temporary name and renamed
/// when complete, so a reader listing the folder never opens a file that is still being written (it answered 500).
/// </summary>
public static class PickupDirectory
{
    /// <summary>Finished messages only; files being written end in <see cref="PartialExtension"/>.</summary>
    public const string MessagePattern = "*.eml";

    private const string PartialExtension = ".partial";

    /// <summary>Writes <paramref name="message"/> as <c>{id}.eml</c> in <paramref name="directory"/> and returns the id.</summary>
    public static async Task<string> WriteAsync(string directory, MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var id = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(directory, id + PartialExtension);
        try
        {
            await message.WriteToAsync(partial, cancellationToken);

            // A rename within one folder is atomic: the .eml name appears with all its bytes.
            File.Move(partial, Path.Combine(directory, id + ".eml"), overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        return id;
    }
}
