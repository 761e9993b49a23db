using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Photos;

/// <summary>An upload's bytes, read no further than <see cref="PhotoSanitizer.MaxBytes"/>: a larger body is a 413
/// as soon as its length (declared or read) passes the limit.</summary>
public static class PhotoBody
{
    /// <exception cref="ApiProblemException">415 for a type other than JPEG, PNG or WebP (before reading); 413 over
    /// the limit.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PhotoFormats.FromContentType(request.ContentType) is null)
        {
            throw new ApiProblemException(PhotoProblems.UnsupportedType());
        }

        if (request.ContentLength > PhotoSanitizer.MaxBytes)
        {
            throw new ApiProblemException(PhotoProblems.TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > PhotoSanitizer.MaxBytes)
            {
                throw new ApiProblemException(PhotoProblems.TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
