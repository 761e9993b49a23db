using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Microsoft.AspNetCore.Http;

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
        InvalidTokenException t => ApiProblem.Unauthorized(t),
        HoursOutOfRangeException h => ApiProblem.Validation(new Dictionary<string, string[]> { ["hours"] = [h.Message.Split(" (")[0]] }),
        // The store's last line of defence: an id the edge let through still answers 400, never 500.
        Dispatch.Storage.InvalidKeyException k => ApiProblem.Validation(new Dictionary<string, string[]> { [k.ParamName ?? "id"] = [Ids.Message] }),
        BadHttpRequestException or JsonException => BadBody,
        _ => null,
    };

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
        }, CoreJson.Options);
    }
}
