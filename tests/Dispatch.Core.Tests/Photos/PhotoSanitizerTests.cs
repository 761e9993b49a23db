using System.Buffers.Binary;
using System.IO.Compression;
using CsCheck;
using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Dispatch.Testing;

namespace Dispatch.Core.Tests.Photos;

public sealed class PhotoSanitizerTests
{
    [Fact]
    public void A_jpeg_with_gps_exif_comes_out_without_it_and_keeps_its_structure()
    {
        var photo = PhotoSanitizer.Sanitize(CraftedPhotos.Jpeg(1200, 900), "image/jpeg");

        Assert.False(CraftedPhotos.Contains(photo.Bytes, CraftedPhotos.GpsText));
        Assert.Equal((1200, 900, PhotoFormat.Jpeg), (photo.Width, photo.Height, photo.Format));
        // SOI, APP0 (JFIF), DQT, SOF0, DHT, SOS, RST0 inside the scan is skipped, EOI: no APP1, no COM.
        Assert.Equal([0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9], CraftedPhotos.JpegMarkers(photo.Bytes));
        Assert.Equal(CraftedPhotos.Jpeg(1200, 900, gps: false), photo.Bytes);
    }

    [Fact]
    public void Metadata_hidden_after_the_scan_is_removed_too()
    {
        var photo = PhotoSanitizer.Sanitize(CraftedPhotos.Jpeg(800, 600, hiddenAfterScan: true), "image/jpeg");

        Assert.False(CraftedPhotos.Contains(photo.Bytes, CraftedPhotos.GpsText));
        Assert.Equal([0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9], CraftedPhotos.JpegMarkers(photo.Bytes));
    }

    [Fact]
    public void A_png_with_exif_text_and_time_keeps_only_its_image_chunks_with_valid_crcs()
    {
        var photo = PhotoSanitizer.Sanitize(CraftedPhotos.Png(40, 30), "image/png");

        Assert.False(CraftedPhotos.Contains(photo.Bytes, CraftedPhotos.GpsText));
        var chunks = CraftedPhotos.PngChunks(photo.Bytes);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        using var pixels = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        var inflated = new MemoryStream();
        pixels.CopyTo(inflated);
        Assert.Equal(30 * (1 + (3 * 40)), inflated.Length);
        Assert.Equal((40, 30), (photo.Width, photo.Height));
    }

    [Fact]
    public void A_webp_loses_exif_and_xmp_its_flags_say_so_and_the_riff_size_is_right()
    {
        var photo = PhotoSanitizer.Sanitize(CraftedPhotos.Webp(1600, 1066), "image/webp");

        Assert.False(CraftedPhotos.Contains(photo.Bytes, CraftedPhotos.GpsText));
        Assert.Equal((uint)(photo.Bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(photo.Bytes.AsSpan(4)));
        Assert.Equal(0, photo.Bytes[20] & 0x0C);
        Assert.Equal(CraftedPhotos.Webp(1600, 1066, gps: false), photo.Bytes);
        Assert.Equal((1600, 1066), (photo.Width, photo.Height));
    }

    [Fact]
    public void Sizes_are_read_from_every_format_and_sanitizing_twice_changes_nothing()
    {
        Gen.Select(Gen.Int[1, PhotoSanitizer.MaxSide], Gen.Int[1, PhotoSanitizer.MaxSide], Gen.Int[0, 2]).Sample((w, h, f) =>
        {
            var (bytes, type) = f switch
            {
                0 => (CraftedPhotos.Jpeg(w, h), "image/jpeg"),
                1 => (CraftedPhotos.Png(w, h), "image/png"),
                _ => (CraftedPhotos.Webp(w, h), "image/webp"),
            };
            var once = PhotoSanitizer.Sanitize(bytes, type);
            var twice = PhotoSanitizer.Sanitize(once.Bytes, type);
            return once.Width == w && once.Height == h && once.Bytes.SequenceEqual(twice.Bytes);
        }, iter: 60);
    }

    [Fact]
    public void A_picture_over_1600_px_is_refused_saying_in_chinese_first_that_the_page_shrinks_photos()
    {
        var problem = Refused(CraftedPhotos.Jpeg(1601, 1200), "image/jpeg");

        Assert.Equal(400, problem.Status);
        var message = Assert.Single(problem.Errors!["photo"]);
        Assert.StartsWith("照片最长边不能超过 1600 像素", message, StringComparison.Ordinal);
        Assert.Contains("shrinks photos itself", message, StringComparison.Ordinal);
        Assert.Equal(400, Refused(CraftedPhotos.Png(400, 2000), "image/png").Status);
    }

    [Fact]
    public void Bytes_of_another_format_a_foreign_type_or_too_many_bytes_are_refused()
    {
        Assert.Equal(400, Refused(CraftedPhotos.Png(10, 10), "image/jpeg").Status);
        Assert.Equal(400, Refused("not an image"u8.ToArray(), "image/png").Status);
        Assert.Equal(415, Refused(CraftedPhotos.Jpeg(10, 10), "image/gif").Status);
        Assert.Equal(415, Refused(CraftedPhotos.Jpeg(10, 10), null).Status);
        Assert.Equal(413, Refused(new byte[PhotoSanitizer.MaxBytes + 1], "image/jpeg").Status);
    }

    [Fact]
    public void A_cut_or_corrupted_photo_is_a_400_never_a_crash()
    {
        var sources = new[] { (CraftedPhotos.Jpeg(64, 48, hiddenAfterScan: true), "image/jpeg"), (CraftedPhotos.Png(8, 8), "image/png"), (CraftedPhotos.Webp(9, 7), "image/webp") };
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 400], Gen.Byte).Sample((s, at, value) =>
        {
            var (source, type) = sources[s];
            var cut = source[..Math.Min(source.Length, at)];
            var flipped = (byte[])source.Clone();
            flipped[at % flipped.Length] = value;
            foreach (var bytes in new[] { cut, flipped })
            {
                try
                {
                    // A flipped byte may turn a metadata block into something else; what comes out is still clean.
                    var photo = PhotoSanitizer.Sanitize(bytes, type);
                    Assert.Equal(photo.Bytes, PhotoSanitizer.Sanitize(photo.Bytes, type).Bytes);
                    Assert.False(bytes == cut && CraftedPhotos.Contains(photo.Bytes, CraftedPhotos.GpsText));
                }
                catch (ApiProblemException e) when (e.Problem.Status == 400)
                {
                }
            }
        }, iter: 2000);
    }

    private static ApiProblem Refused(byte[] bytes, string? type) =>
        Assert.Throws<ApiProblemException>(() => PhotoSanitizer.Sanitize(bytes, type)).Problem;
}
