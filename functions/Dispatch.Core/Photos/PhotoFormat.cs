namespace Dispatch.Core.Photos;

/// <summary>The image formats a resident may attach to an order: what browsers encode from a canvas.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    Webp,
}

public static class PhotoFormats
{
    /// <summary>The format a declared media type names (parameters ignored), or null for any other type.</summary>
    public static PhotoFormat? FromContentType(string? contentType) =>
        (contentType?.Split(';')[0].Trim().ToLowerInvariant()) switch
        {
            "image/jpeg" => PhotoFormat.Jpeg,
            "image/png" => PhotoFormat.Png,
            "image/webp" => PhotoFormat.Webp,
            _ => null,
        };

    public static string ContentType(this PhotoFormat format) => format switch
    {
        PhotoFormat.Png => "image/png",
        PhotoFormat.Webp => "image/webp",
        _ => "image/jpeg",
    };

    /// <summary>The format the first bytes show (magic numbers), or null.</summary>
    public static PhotoFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (bytes.StartsWith(Png.Signature))
        {
            return PhotoFormat.Png;
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            ? PhotoFormat.Webp
            : null;
    }
}
