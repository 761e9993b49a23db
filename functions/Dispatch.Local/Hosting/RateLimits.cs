using System.Globalization;
using Dispatch.App.Problems;
using Dispatch.App.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

/// <summary>The shared per-client limits (<see cref="ClientRateLimiter"/>, settings RateLimits:*) as ASP.NET
/// Core's global limiter, answering 429 problem details with Retry-After.</summary>
public static class RateLimits
{
    public static IServiceCollection AddDispatchRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = ClientRateLimiter.RetryAfter(context.Lease).ToString(CultureInfo.InvariantCulture);
                await ProblemHandler.WriteAsync(http, Problems.RateLimited, ct);
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRateLimiter>((o, limiter) => o.GlobalLimiter = limiter.Limiter);
        return services;
    }
}
