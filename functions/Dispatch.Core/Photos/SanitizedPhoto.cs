namespace Dispatch.Core.Photos;

/// <summary>A photo as stored: its bytes without metadata, its format and its pixel size from the header.</summary>
public sealed record SanitizedPhoto(byte[] Bytes, PhotoFormat Format, int Width, int Height);

/// <summary>Bytes that do not hold the structure their format requires.</summary>
public sealed class MalformedPhotoException(string message) : Exception(message);
