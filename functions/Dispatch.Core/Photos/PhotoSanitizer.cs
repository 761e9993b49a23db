using Dispatch.Core.Api;

namespace Dispatch.Core.Photos;

/// <summary>Checks a photo as the server receives it, trusting nothing the client did: the bytes must be the
/// declared format, at most <see cref="MaxSide"/> px on the long side (the tracking page shrinks photos before
/// sending), and come out without metadata (location, camera, times, comments). Pure: same bytes, same result.</summary>
public static class PhotoSanitizer
{
    public const int MaxBytes = 8 * 1024 * 1024;

    public const int MaxSide = 1600;

    /// <exception cref="ApiProblemException">415 for another declared type; 413 over <see cref="MaxBytes"/>;
    /// 400 on "photo" for bytes that are not the declared format or too large a picture.</exception>
    public static SanitizedPhoto Sanitize(byte[] bytes, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var declared = PhotoFormats.FromContentType(contentType) ?? throw new ApiProblemException(PhotoProblems.UnsupportedType());
        if (bytes.Length > MaxBytes)
        {
            throw new ApiProblemException(PhotoProblems.TooLarge());
        }

        if (PhotoFormats.Sniff(bytes) != declared)
        {
            throw new ApiProblemException(PhotoProblems.NotAPhoto(
                $"文件内容不是 {declared.ContentType()} 图片。 The bytes are not a {declared.ContentType()} image."));
        }

        SanitizedPhoto photo;
        try
        {
            photo = declared switch
            {
                PhotoFormat.Png => Png.Strip(bytes),
                PhotoFormat.Webp => Webp.Strip(bytes),
                _ => Jpeg.Strip(bytes),
            };
        }
        catch (MalformedPhotoException e)
        {
            throw new ApiProblemException(PhotoProblems.NotAPhoto($"图片文件已损坏。 The image is damaged: {e.Message}"));
        }

        return Math.Max(photo.Width, photo.Height) > MaxSide
            ? throw new ApiProblemException(PhotoProblems.TooBig(photo.Width, photo.Height))
            : photo;
    }
}
