using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Local.Hosting;

/// <summary>Maps every failure to RFC 9457 problem details; unknown failures say nothing internal.</summary>
public sealed class ProblemHandler(ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ApiProblemException p => p.Problem,
            InvalidTokenException t => ApiProblem.Unauthorized(t),
            HoursOutOfRangeException h => ApiProblem.Validation(new Dictionary<string, string[]> { ["hours"] = [h.Message.Split(" (")[0]] }),
            BadHttpRequestException or JsonException => ApiProblem.Validation(new Dictionary<string, string[]> { ["body"] = ["The request body is not valid JSON for this endpoint."] }),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Path}", http.Request.Path);
            problem = new ApiProblem(500, "https://dispatch.example/problems/internal", "Something went wrong.", "Nothing you sent was lost; try again shortly.");
        }

        await WriteAsync(http, problem, ct);
        return true;
    }

    public static async Task WriteAsync(HttpContext http, ApiProblem problem, CancellationToken ct)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            type = problem.Type,
            title = problem.Title,
            status = problem.Status,
            detail = problem.Detail,
            instance = http.Request.Path.Value,
            errors = problem.Errors,
        }, CoreJson.Options, ct);
    }
}
