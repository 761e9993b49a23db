using System.Net.Sockets;
using Azure;

namespace Dispatch.Storage;

/// <summary>Which storage failures are worth trying again later: the service was busy, throttled or out of
/// reach. Anything else (not found, conflict, precondition, bad data, a bug) will fail the same way again.</summary>
public static class TransientFailures
{
    /// <summary>True for a timeout (408), throttling (429), a server error (5xx), no response at all
    /// (status 0: the SDK gave up before the service answered), a network or timeout exception, and a
    /// cancellation the caller did not ask for (the SDK's own network timeout). A caller that was cancelled
    /// itself must check its token first.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        RequestFailedException e => e.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or IOException or SocketException => true,
        OperationCanceledException => true,
        AggregateException e => e.InnerExceptions.Count > 0 && e.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
