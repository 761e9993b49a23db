using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.RateLimiting;

/// <summary>One fixed one-minute window per limited action and client, shared by both hosts: the local host
/// uses <see cref="Limiter"/> as ASP.NET Core's global limiter; Azure HTTP functions call <see cref="Acquire"/>.</summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;

    public ClientRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Takes a permit for the request, or throws <see cref="RateLimitedException"/> (429 with Retry-After).</summary>
    public void Acquire(HttpContext http)
    {
        using var lease = Limiter.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(RetryAfter(lease));
        }
    }

    /// <summary>Whole seconds to wait before the window reopens, at least one.</summary>
    public static int RetryAfter(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    public void Dispose() => Limiter.Dispose();

    private RateLimitPartition<string> Partition(HttpContext http)
    {
        if (RateLimitedActions.Of(http.Request) is not { } action)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var perMinute = action switch
        {
            RateLimitedAction.PlaceOrder => _options.PlaceOrderPerMinute,
            RateLimitedAction.TrySignIn => _options.SignInTriesPerMinute,
            _ => _options.VerifyPerMinute,
        };
        return RateLimitPartition.GetFixedWindowLimiter($"{action}|{ClientAddress.Of(http, _options.ForwardedHops)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

/// <summary>A client went over its limit; nothing was read or stored. <see cref="Problem"/> replaces the general
/// rate-limited problem when a limit has its own words (sign-in codes).</summary>
public sealed class RateLimitedException(int retryAfterSeconds, Dispatch.Core.Api.ApiProblem? problem = null)
    : Exception($"Too many requests; try again in {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    public Dispatch.Core.Api.ApiProblem? Problem { get; } = problem;
}
