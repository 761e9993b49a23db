using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dispatch.Testing;

/// <summary>Small, well-formed images built byte by byte, carrying the metadata a phone camera writes (an EXIF
/// block with GPS coordinates, comments, XMP), for the photo sanitizer's tests on both levels.</summary>
public static class CraftedPhotos
{
    /// <summary>What the EXIF blocks carry; a sanitized photo must not contain it anywhere.</summary>
    public static readonly byte[] GpsText = "GPSLatitude 31.2304 N GPSLongitude 121.4737 E"u8.ToArray();

    /// <summary>A baseline JPEG: SOI, APP0 JFIF, APP1 EXIF with GPS, COM, DQT, SOF0, DHT, SOS, scan data with a
    /// stuffed 0xFF00 and a restart marker, EOI; <paramref name="hiddenAfterScan"/> puts another APP1 after the scan.</summary>
    public static byte[] Jpeg(int width, int height, bool gps = true, bool hiddenAfterScan = false)
    {
        var o = new MemoryStream();
        o.Write([0xFF, 0xD8]);
        Segment(o, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (gps)
        {
            Segment(o, 0xE1, [.. "Exif\0\0MM\0*"u8, .. GpsText]);
            Segment(o, 0xFE, "taken at home"u8.ToArray());
        }

        Segment(o, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(o, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(o, 0xC4, [0x00, 1, .. new byte[15], 0]);
        Segment(o, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        o.Write([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        if (hiddenAfterScan)
        {
            Segment(o, 0xE1, [.. "Exif\0\0"u8, .. GpsText]);
        }

        o.Write([0xFF, 0xD9]);
        return o.ToArray();
    }

    /// <summary>The markers of a JPEG in order, scan data skipped: its structure as a decoder walks it.</summary>
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        markers.Add(0xD8);
        while (i + 1 < jpeg.Length)
        {
            if (jpeg[i] != 0xFF)
            {
                throw new InvalidDataException($"No marker at {i}.");
            }

            var m = jpeg[i + 1];
            markers.Add(m);
            if (m == 0xD9)
            {
                return i + 2 == jpeg.Length ? markers : throw new InvalidDataException("Bytes after EOI.");
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
            if (m == 0xDA)
            {
                while (!(jpeg[i] == 0xFF && jpeg[i + 1] != 0 && jpeg[i + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }
            }
        }

        throw new InvalidDataException("No EOI.");
    }

    /// <summary>An RGB PNG with real (deflated) pixel rows, an eXIf chunk with GPS, tEXt and tIME.</summary>
    public static byte[] Png(int width, int height, bool gps = true)
    {
        var o = new MemoryStream();
        o.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(o, "IHDR", ihdr);
        if (gps)
        {
            Chunk(o, "eXIf", [.. "MM\0*"u8, .. GpsText]);
            Chunk(o, "tEXt", [.. "Comment\0"u8, .. GpsText]);
            Chunk(o, "tIME", [0x07, 0xEA, 12, 1, 0, 0, 0]);
        }

        var pixels = new MemoryStream();
        using (var z = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(new byte[height * (1 + (3 * width))]);
        }

        Chunk(o, "IDAT", pixels.ToArray());
        Chunk(o, "IEND", []);
        return o.ToArray();
    }

    /// <summary>The chunks of a PNG, each checked against its CRC.</summary>
    public static List<(string Type, byte[] Data)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var i = 8; i < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            var typeAndData = png.AsSpan(i + 4, 4 + length);
            if (Crc32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i + 8 + length)))
            {
                throw new InvalidDataException("Bad CRC.");
            }

            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            i += 12 + length;
        }

        return chunks;
    }

    /// <summary>An extended lossless WebP: VP8X (flags saying EXIF and XMP), VP8L, EXIF with GPS (odd size, padded), XMP.</summary>
    public static byte[] Webp(int width, int height, bool gps = true)
    {
        var o = new MemoryStream();
        o.Write("RIFF\0\0\0\0WEBP"u8);
        var vp8x = new byte[10];
        vp8x[0] = gps ? (byte)0x0C : (byte)0;
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        RiffChunk(o, "VP8X", vp8x);
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14) | (1u << 28);
        var vp8l = new byte[9];
        vp8l[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(vp8l.AsSpan(1), bits);
        RiffChunk(o, "VP8L", vp8l);
        if (gps)
        {
            RiffChunk(o, "EXIF", [.. "MM\0*"u8, .. GpsText]);
            RiffChunk(o, "XMP ", [.. "<x:xmpmeta>"u8, .. GpsText]);
        }

        var bytes = o.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static void Segment(Stream o, byte marker, byte[] data)
    {
        o.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        o.Write(data);
    }

    private static void Chunk(Stream o, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        o.Write(head);
        o.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. head.AsSpan(4), .. data]));
        o.Write(crc);
    }

    private static void RiffChunk(Stream o, string type, byte[] data)
    {
        var head = new byte[8];
        Encoding.ASCII.GetBytes(type, head);
        BinaryPrimitives.WriteInt32LittleEndian(head.AsSpan(4), data.Length);
        o.Write(head);
        o.Write(data);
        if (data.Length % 2 == 1)
        {
            o.WriteByte(0);
        }
    }

    private static void WriteUInt24(Span<byte> to, int value)
    {
        to[0] = (byte)value;
        to[1] = (byte)(value >> 8);
        to[2] = (byte)(value >> 16);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
