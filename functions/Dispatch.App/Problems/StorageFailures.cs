using Dispatch.Storage;

namespace Dispatch.App.Problems;

/// <summary>Which failures mean storage is out of reach (answered 503 storage-unavailable with Retry-After),
/// and how long to wait.</summary>
public static class StorageFailures
{
    /// <summary>Retry-After when storage failed without the breaker naming a time: about one retry cycle.</summary>
    public const int DefaultRetryAfterSeconds = 5;

    /// <summary>The breaker's open exception, or a transient storage failure (408, 429, 5xx, status 0, network
    /// and timeout exceptions, retries given up). A cancellation alone is not one: it is the caller leaving.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is not OperationCanceledException && TransientFailures.IsTransient(exception);

    public static int? RetryAfterSeconds(Exception exception) => exception switch
    {
        StorageUnavailableException open => Math.Max(1, (int)Math.Ceiling(open.RetryAfter.TotalSeconds)),
        _ when IsUnavailable(exception) => DefaultRetryAfterSeconds,
        _ => null,
    };
}
