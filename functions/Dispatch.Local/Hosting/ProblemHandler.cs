using System.Globalization;
using Dispatch.App.Problems;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Local.Hosting;

/// <summary>Maps every failure to RFC 9457 problem details; unknown failures say nothing internal.</summary>
public sealed class ProblemHandler(ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Problems.For(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Path}", http.Request.Path);
            problem = Problems.Internal;
        }

        if (Problems.RetryAfterSeconds(exception) is { } seconds)
        {
            // An outage is not a bug, but operators should see it: the failure's kind only, no request details.
            logger.LogWarning("Storage unavailable on {Path}: {Failure}", http.Request.Path, exception.GetType().Name);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await WriteAsync(http, problem, ct);
        return true;
    }

    public static async Task WriteAsync(HttpContext http, ApiProblem problem, CancellationToken ct)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = Problems.ContentType;
        var body = System.Text.Encoding.UTF8.GetBytes(Problems.ToJson(problem, http.Request.Path.Value));
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, ct);
    }
}
