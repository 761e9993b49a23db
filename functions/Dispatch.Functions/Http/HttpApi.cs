using System.Globalization;
using System.Text.Json;
using Dispatch.App.Problems;
using Dispatch.Core;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>What every HTTP function shares: JSON in the same shape as the local host (web defaults plus the
/// core's converters), problem+json for every failure (the shared <see cref="Problems"/> mapping), and never a
/// Durable Functions management URL in an answer.</summary>
public static class HttpApi
{
    /// <summary>The local host's API JSON: ASP.NET Core web defaults plus <see cref="CoreJson"/>'s converters.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>Runs an endpoint body and maps failures to problem details with the shared mapping
    /// (<see cref="Problems"/>, the local host's ProblemHandler uses the same).</summary>
    public static async Task<IActionResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IActionResult>> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (Exception e) when (Problems.For(e) is { } problem)
        {
            if (Problems.RetryAfterSeconds(e) is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Problem(request, problem);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Unhandled failure on {Path}", request.Path);
            return Problem(request, Problems.Internal);
        }
    }

    public static IActionResult Problem(HttpRequest request, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { StatusCode = problem.Status, ContentType = Problems.ContentType, Content = Problems.ToJson(problem, request.Path.Value) };
    }

    public static IActionResult Ok(object value) => JsonResult(200, value);

    public static IActionResult Created(string location, object value) =>
        new ContentResultWithLocation(location) { StatusCode = 201, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(value, Json) };

    /// <summary>The event is with the order's orchestration but not applied yet: the caller polls the order.</summary>
    public static IActionResult Accepted(string location, object value) =>
        new ContentResultWithLocation(location) { StatusCode = 202, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(value, Json) };

    public static IActionResult JsonResult(int status, object value) =>
        new ContentResult { StatusCode = status, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(value, Json) };

    /// <summary>Reads an optional JSON body: empty means null, as a nullable minimal-API parameter.</summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 || request.Body is null)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException)
        {
            throw new ApiProblemException(Problems.BadBody);
        }
    }

    public static string OrderPath(string orderId) => Routes.Order.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var converter in CoreJson.Options.Converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class ContentResultWithLocation(string location) : ContentResult
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.HttpContext.Response.Headers.Location = location;
            return base.ExecuteResultAsync(context);
        }
    }
}
