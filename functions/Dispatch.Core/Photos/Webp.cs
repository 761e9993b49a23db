using System.Buffers.Binary;

namespace Dispatch.Core.Photos;

/// <summary>Copies a WebP (RIFF) chunk by chunk, leaving out EXIF and XMP, clearing their flags in VP8X and
/// writing the RIFF size anew.</summary>
internal static class Webp
{
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static SanitizedPhoto Strip(byte[] input)
    {
        var output = new MemoryStream(input.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var riffEnd = (int)Math.Min(input.Length, 8L + BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(4)));
        var i = 12;
        int width = 0, height = 0;
        while (i + 8 <= riffEnd)
        {
            var type = System.Text.Encoding.ASCII.GetString(input, i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(i + 4));
            var padded = size + (size & 1);
            if (i + 8 + (long)size > riffEnd)
            {
                throw new MalformedPhotoException("WebP chunk runs past the end.");
            }

            var whole = (int)Math.Min(8 + padded, riffEnd - i);
            var data = input.AsSpan(i + 8, (int)size);
            (width, height) = Size(type, data, width, height);
            if (type is not ("EXIF" or "XMP "))
            {
                var start = (int)output.Position;
                output.Write(input.AsSpan(i, whole));
                if (whole % 2 == 1)
                {
                    output.WriteByte(0);
                }

                if (type == "VP8X")
                {
                    output.GetBuffer()[start + 8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                }
            }

            i += whole;
        }

        if (width == 0 || height == 0)
        {
            throw new MalformedPhotoException("WebP has no image chunk.");
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return new SanitizedPhoto(bytes, PhotoFormat.Webp, width, height);
    }

    /// <summary>The canvas size: VP8X when present, else the lossy (VP8) or lossless (VP8L) bitstream header.</summary>
    private static (int Width, int Height) Size(string type, ReadOnlySpan<byte> data, int width, int height)
    {
        switch (type)
        {
            case "VP8X" when data.Length >= 10:
                return (1 + (data[4] | (data[5] << 8) | (data[6] << 16)), 1 + (data[7] | (data[8] << 8) | (data[9] << 16)));
            case "VP8 " when width == 0 && data.Length >= 10 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A:
                return (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
            case "VP8L" when width == 0 && data.Length >= 5 && data[0] == 0x2F:
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
                return (1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
            default:
                return (width, height);
        }
    }
}
