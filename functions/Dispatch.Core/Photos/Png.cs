using System.Buffers.Binary;

namespace Dispatch.Core.Photos;

/// <summary>Copies a PNG chunk by chunk, leaving out text (tEXt, zTXt, iTXt), EXIF (eXIf) and the modification
/// time (tIME); the image chunks and their CRCs are copied unchanged.</summary>
internal static class Png
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Dropped = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    public static SanitizedPhoto Strip(byte[] input)
    {
        var output = new MemoryStream(input.Length);
        output.Write(Signature);
        var i = Signature.Length;
        int width = 0, height = 0;
        var ended = false;
        while (!ended)
        {
            if (i + 12 > input.Length)
            {
                throw new MalformedPhotoException("PNG ends before IEND.");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(i));
            if (length > int.MaxValue || i + 12 + (long)length > input.Length)
            {
                throw new MalformedPhotoException("PNG chunk runs past the end.");
            }

            var type = System.Text.Encoding.ASCII.GetString(input, i + 4, 4);
            if (i == Signature.Length)
            {
                if (type != "IHDR" || length < 8)
                {
                    throw new MalformedPhotoException("PNG does not start with IHDR.");
                }

                width = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(i + 8)));
                height = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(i + 12)));
            }

            var whole = 12 + (int)length;
            if (!Dropped.Contains(type, StringComparer.Ordinal))
            {
                output.Write(input.AsSpan(i, whole));
            }

            ended = type == "IEND";
            i += whole;
        }

        if (width == 0 || height == 0)
        {
            throw new MalformedPhotoException("PNG has no size.");
        }

        return new SanitizedPhoto(output.ToArray(), PhotoFormat.Png, width, height);
    }
}
