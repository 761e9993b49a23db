using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Dispatch.App.Problems;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

/// <summary>Requests per minute and client (remote IP) for what anyone may call without a link (settings
/// RateLimits:*). Behind a reverse proxy every client shares the proxy's address: limit there instead.</summary>
public sealed class RateLimitOptions
{
    /// <summary><c>POST /api/orders</c>: residents placing orders.</summary>
    [Range(1, 100_000)]
    public int PlaceOrderPerMinute { get; set; } = 20;

    /// <summary><c>GET /api/proofs/{number}</c>: checking a proof number (so numbers cannot be guessed in bulk).</summary>
    [Range(1, 100_000)]
    public int VerifyPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    public static IServiceCollection AddDispatchRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("RateLimits")).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemHandler.WriteAsync(http, Problems.RateLimited, ct);
            };
        });
        return services;
    }

    /// <summary>One fixed one-minute window per limited route and client address; every other request is free.</summary>
    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var (name, perMinute) = LimitOf(http, limits);
        if (name is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(name + "|" + client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static (string? Name, int PerMinute) LimitOf(HttpContext http, RateLimitOptions limits)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        return (http.Request.Method, route) switch
        {
            ("POST", Routes.Orders) => ("place-order", limits.PlaceOrderPerMinute),
            ("GET", ReportRoutes.Proof) => ("verify", limits.VerifyPerMinute),
            _ => (null, 0),
        };
    }
}
