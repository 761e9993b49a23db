using System.Globalization;
using System.Text.Json;
using Dispatch.App.Orders;
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

    /// <summary>Runs a shared use case (Dispatch.App) and returns its <see cref="IResult"/> as it is, written by
    /// itself on the worker's HttpContext, so both hosts answer with the same status, headers and JSON (the
    /// JsonOptions both hosts get from AddDispatchApp).</summary>
    public static Task<IActionResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IResult>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunAsync(request, logger, async () => (IActionResult)new HttpResultAction(await body()));
    }

    /// <summary>A route value ({postId}, {number}…) checked by the rule the local host applies to every route
    /// (<see cref="RouteValues"/>): 400 validation naming it otherwise.</summary>
    public static string Route(string name, string value)
    {
        RouteValues.Check([KeyValuePair.Create(name, (string?)value)]);
        return value;
    }

    /// <summary>A {year} route value, checked as <see cref="Route"/> does.</summary>
    public static int RouteYear(string value) => int.Parse(Route("year", value), CultureInfo.InvariantCulture);

    /// <summary>An optional number from the query (<c>?year=</c>): null when absent, 400 validation naming it when
    /// it is not a number, as the local host's binding of an <c>int?</c> refuses it.</summary>
    public static int? QueryInt(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.Query[name].ToString();
        return string.IsNullOrEmpty(raw) ? null
            : int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { [name] = ["A whole number."] }));
    }

    /// <summary>An optional text from the query: null when absent.</summary>
    public static string? Query(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
    }

    public static IActionResult Problem(HttpRequest request, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { StatusCode = problem.Status, ContentType = Problems.ContentType, Content = Problems.ToJson(problem, request.Path.Value) };
    }

    public static IActionResult Ok(object value) => JsonResult(200, value);

    /// <summary>An order route's answer as a JSON content result, with its <c>Location</c> (201, 202) if any.</summary>
    public static IActionResult Answer(OrderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Location is null
            ? JsonResult(answer.Status, answer.Body)
            : new ContentResultWithLocation(answer.Location)
            {
                StatusCode = answer.Status, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(answer.Body, Json),
            };
    }

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

    /// <summary>An <see cref="IResult"/> as an <see cref="IActionResult"/>: executing it writes the result itself.</summary>
    public sealed class HttpResultAction(IResult result) : IActionResult
    {
        public IResult Result { get; } = result;

        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return Result.ExecuteAsync(context.HttpContext);
        }
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
