using System.Globalization;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dispatch.App.Problems;

/// <summary>One mapping from failures to RFC 9457 problem details for both hosts.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static readonly ApiProblem Internal =
        new(500, "https://dispatch.example/problems/internal", "Something went wrong.", "Nothing you sent was lost; try again shortly.");

    /// <summary>The problem a known failure means; null for a failure the caller must log as a bug.</summary>
    public static ApiProblem? For(Exception exception) => exception switch
    {
        ApiProblemException p => p.Problem,
        RateLimiting.RateLimitedException limited => limited.Problem ?? RateLimited,
        QueueUnavailableException => QueueUnavailable,
        InvalidTokenException t => ApiProblem.Unauthorized(t),
        HoursOutOfRangeException h => ApiProblem.Validation(new Dictionary<string, string[]> { ["hours"] = [h.Message.Split(" (")[0]] }),
        BadHttpRequestException { StatusCode: 415 } => UnsupportedMediaType,
        // The store's last line of defence: an id the edge let through still answers 400, never 500.
        Dispatch.Storage.InvalidKeyException k => ApiProblem.Validation(new Dictionary<string, string[]> { [k.ParamName ?? "id"] = [Ids.Message] }),
        BadHttpRequestException or JsonException => BadBody,
        _ when StorageFailures.IsUnavailable(exception) => StorageUnavailable,
        _ => null,
    };

    /// <summary>Seconds a caller should wait before trying again (the Retry-After header), or null when trying
    /// again will not help.</summary>
    public static int? RetryAfterSeconds(Exception exception) =>
        exception switch
        {
            RateLimiting.RateLimitedException limited => limited.RetryAfterSeconds,
            QueueUnavailableException => QueueUnavailableException.RetryAfterSeconds,
            _ => StorageFailures.RetryAfterSeconds(exception),
        };

    /// <summary>Storage is down, throttled or out of reach: nothing was changed, try again later.</summary>
    public static ApiProblem StorageUnavailable { get; } = new(
        503, "https://dispatch.example/problems/storage-unavailable", "Storage is unavailable.",
        "Nothing was changed. Try again after the time in Retry-After.");

    /// <summary>The problem for a bare status code the framework answered itself (no route for the method, a
    /// refused content type, a request too large…): the status is kept, only the body is added.</summary>
    public static ApiProblem ForStatus(int status) => status switch
    {
        404 => ApiProblem.NotFound("resource"),
        405 => new(405, "https://dispatch.example/problems/method-not-allowed", "Method not allowed.",
            "This resource does not answer that method; the Allow header lists the ones it does."),
        415 => UnsupportedMediaType,
        _ => new(status, "https://dispatch.example/problems/http-" + status.ToString(CultureInfo.InvariantCulture),
            ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request failed.",
            "The request was refused as sent; nothing was changed."),
    };

    /// <summary>The assignment queue (Service Bus) is out of reach: nothing was changed, try again later.</summary>
    public static ApiProblem QueueUnavailable { get; } = new(
        503, "https://dispatch.example/problems/queue-unavailable", "The assignment queue is unavailable.",
        "Nothing was changed. Try again after the time in Retry-After.");

    /// <summary>Too many requests from one client: refused before anything was read or stored.</summary>
    public static ApiProblem RateLimited { get; } = new(
        429, "https://dispatch.example/problems/rate-limited", "Too many requests.",
        "Nothing was changed. Try again after the time in Retry-After.");

    public static ApiProblem UnsupportedMediaType { get; } = new(
        415, "https://dispatch.example/problems/unsupported-media-type", "Unsupported content type.",
        "Send the body as application/json.");

    public static ApiProblem BadBody { get; } =
        ApiProblem.Validation(new Dictionary<string, string[]> { ["body"] = ["The request body is not valid JSON for this endpoint."] });

    public static string ToJson(ApiProblem problem, string? instance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return JsonSerializer.Serialize(new
        {
            type = problem.Type,
            title = problem.Title,
            status = problem.Status,
            detail = problem.Detail,
            instance,
            errors = problem.Errors,
            existingId = problem.ExistingId,
        }, CoreJson.Options);
    }
}
