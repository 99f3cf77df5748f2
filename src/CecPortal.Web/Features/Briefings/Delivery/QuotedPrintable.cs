using System.Text;
using MimeKit.Encodings;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>Quoted-printable pieces that can be concatenated: each ends at a line end or with a soft line break.</summary>
internal static class QuotedPrintable
{
    private static readonly byte[] SoftBreak = "=\n"u8.ToArray();

    public static byte[] Encode(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(text);
        var encoder = new QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(input.Length) + SoftBreak.Length];
        var length = encoder.Flush(input, 0, input.Length, output);
        if (length == 0 || output[length - 1] != (byte)'\n')
        {
            SoftBreak.CopyTo(output, length);
            length += SoftBreak.Length;
        }

        return output[..length];
    }
}
