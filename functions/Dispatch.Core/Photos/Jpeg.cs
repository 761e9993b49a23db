namespace Dispatch.Core.Photos;

/// <summary>Copies a JPEG segment by segment, leaving out APP1–APP15 (EXIF with GPS, XMP, ICC, maker notes…)
/// and COM; APP0 (JFIF), tables, frames and scans are kept. Markers after a scan are parsed too, so metadata
/// cannot hide behind the first scan of a progressive image.</summary>
internal static class Jpeg
{
    public static SanitizedPhoto Strip(byte[] input)
    {
        var output = new MemoryStream(input.Length);
        output.Write([0xFF, 0xD8]);
        var i = 2;
        int width = 0, height = 0;
        while (true)
        {
            if (i + 1 >= input.Length || input[i] != 0xFF)
            {
                throw new MalformedPhotoException("JPEG marker expected.");
            }

            while (i < input.Length && input[i] == 0xFF)
            {
                i++; // fill bytes
            }

            if (i >= input.Length)
            {
                throw new MalformedPhotoException("JPEG ends inside a marker.");
            }

            var marker = input[i++];
            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                break; // EOI: anything after it is dropped
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (i + 2 > input.Length)
            {
                throw new MalformedPhotoException("JPEG ends inside a segment length.");
            }

            var length = (input[i] << 8) | input[i + 1];
            if (length < 2 || i + length > input.Length)
            {
                throw new MalformedPhotoException("JPEG segment runs past the end.");
            }

            var segment = input.AsSpan(i, length);
            var metadata = marker is (>= 0xE1 and <= 0xEF) or 0xFE;
            if (!metadata)
            {
                output.Write([0xFF, marker]);
                output.Write(segment);
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && length >= 7)
            {
                height = (segment[3] << 8) | segment[4];
                width = (segment[5] << 8) | segment[6];
            }

            i += length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
                var start = i;
                while (i + 1 < input.Length && !(input[i] == 0xFF && input[i + 1] != 0x00 && input[i + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }

                output.Write(input.AsSpan(start, i - start));
            }
        }

        if (width == 0 || height == 0)
        {
            throw new MalformedPhotoException("JPEG has no frame header.");
        }

        return new SanitizedPhoto(output.ToArray(), PhotoFormat.Jpeg, width, height);
    }
}
