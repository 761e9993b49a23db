namespace Dispatch.Core.Photos;

/// <summary>The answer to an upload: the photo as stored (after the server's own checks and stripping).</summary>
public sealed record PhotoView(string OrderId, string ContentType, int Width, int Height, int Bytes);
