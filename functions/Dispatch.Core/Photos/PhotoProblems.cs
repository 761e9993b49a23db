using Dispatch.Core.Api;

namespace Dispatch.Core.Photos;

/// <summary>Why a photo was refused, Chinese first.</summary>
public static class PhotoProblems
{
    private const string Base = "https://dispatch.example/problems/";

    public static ApiProblem UnsupportedType() => new(
        415, Base + "unsupported-media-type", "请上传 JPEG、PNG 或 WebP 照片。 Send the photo as JPEG, PNG or WebP.",
        "Content-Type must be image/jpeg, image/png or image/webp.");

    public static ApiProblem TooLarge() => new(
        413, Base + "photo-too-large", $"照片不能超过 {PhotoSanitizer.MaxBytes / 1024 / 1024} MB。 The photo must be at most {PhotoSanitizer.MaxBytes / 1024 / 1024} MB.",
        "Nothing was stored.");

    public static ApiProblem Closed() => new(
        409, Base + "closed", "订单已结束，不能再更换照片。 The order is closed; its photo can no longer be changed.",
        "Photos can be added or replaced until the order is confirmed or cancelled.");

    public static ApiProblem NotAPhoto(string message) => Invalid(message);

    public static ApiProblem TooBig(int width, int height) => Invalid(
        $"照片最长边不能超过 {PhotoSanitizer.MaxSide} 像素（{width}×{height}）；请通过跟踪页面上传，页面会自动缩小照片。 " +
        $"The long side may be at most {PhotoSanitizer.MaxSide} px ({width}×{height}); upload from the tracking page, which shrinks photos itself.");

    private static ApiProblem Invalid(string message) =>
        ApiProblem.Validation(new Dictionary<string, string[]> { ["photo"] = [message] });
}
