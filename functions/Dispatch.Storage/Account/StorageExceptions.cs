using Azure;

namespace Dispatch.Storage;

/// <summary>The entity changed since it was read (HTTP 412 on If-Match). Re-read, re-decide, try again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public ConcurrencyConflictException()
        : base("The entity was changed by someone else.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }
}

/// <summary>A key (id) that cannot be stored: empty, too long, or holding a character keys cannot hold.</summary>
public sealed class InvalidKeyException : ArgumentException
{
    public InvalidKeyException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    public InvalidKeyException()
    {
    }

    public InvalidKeyException(string message)
        : base(message)
    {
    }

    public InvalidKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

internal static class Failures
{
    public static bool IsConflict(this RequestFailedException e) => e.Status == 409;

    public static bool IsPreconditionFailed(this RequestFailedException e) => e.Status == 412;

    public static bool IsNotFound(this RequestFailedException e) => e.Status == 404;

    /// <summary>404 for the table itself, not for an entity in it.</summary>
    public static bool IsTableMissing(this RequestFailedException e) => e.Status == 404 && e.ErrorCode == "TableNotFound";
}
