using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dispatch.Local.Hosting;

/// <summary>Oversized URLs and headers answered as problem details. Kestrel's own 414 and 431 come before any
/// app code and have no body, so Kestrel's ceilings are raised well above the app's limits and the app refuses
/// first, with a body. Only requests past the ceilings (or malformed ones, 400) still get Kestrel's bare answer.</summary>
public static class RequestSizeLimits
{
    /// <summary>The request target (path and query) the app accepts: Kestrel's usual default.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>All header names and values together: Kestrel's usual default.</summary>
    public const int MaxHeadersSize = 32 * 1024;

    /// <summary>Kestrel's own ceilings, far enough above the app's limits that the app answers in between.</summary>
    public const int KestrelTargetCeiling = 64 * 1024;
    public const int KestrelHeadersCeiling = 128 * 1024;

    public static readonly ApiProblem UrlTooLong = new(
        414, "https://dispatch.example/problems/url-too-long", "URL too long.",
        $"The path and query may be at most {MaxTargetLength / 1024} KB; nothing was changed.");

    public static readonly ApiProblem HeadersTooLarge = new(
        431, "https://dispatch.example/problems/headers-too-large", "Request headers too large.",
        $"All headers together may be at most {MaxHeadersSize / 1024} KB; nothing was changed.");

    public static void RaiseKestrelCeilings(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Limits.MaxRequestLineSize = Math.Max(options.Limits.MaxRequestLineSize, KestrelTargetCeiling);
        options.Limits.MaxRequestHeadersTotalSize = Math.Max(options.Limits.MaxRequestHeadersTotalSize, KestrelHeadersCeiling);
    }

    /// <summary>The first middleware: refuses oversized requests before anything reads them.</summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString).ToString();
        var problem = target.Length > MaxTargetLength ? UrlTooLong : HeadersSize(http.Request.Headers) > MaxHeadersSize ? HeadersTooLarge : null;
        if (problem is null)
        {
            await next(http);
            return;
        }

        http.Response.Headers.Connection = "close";
        await ProblemHandler.WriteAsync(http, problem, http.RequestAborted);
    });

    /// <summary>Header bytes as Kestrel counts them: name, ": ", value and CRLF per value.</summary>
    private static long HeadersSize(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                size += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return size;
    }
}
