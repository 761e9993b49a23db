using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.RateLimiting;

/// <summary>The anonymous actions that are limited per client.</summary>
public enum RateLimitedAction
{
    PlaceOrder,
    VerifyProof,

    /// <summary>Trying a one-time code (sign in, find my orders) or a passkey: limited per client address as well as
    /// per code, so one address cannot guess across many phones.</summary>
    TrySignIn,
}

public static class RateLimitedActions
{
    private static readonly HashSet<string> SignInTries =
        new([SignInRoutes.Verify, SignInRoutes.ResidentOrders, PasskeyRoutes.SignIn], StringComparer.OrdinalIgnoreCase);

    private static readonly string ProofPrefix = ReportRoutes.Proof[..ReportRoutes.Proof.IndexOf('{', StringComparison.Ordinal)];

    /// <summary>The limited action a request is, by method and path (the same on both hosts), or null.</summary>
    public static RateLimitedAction? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = (request.PathBase + request.Path).Value?.TrimEnd('/') ?? "";
        if (HttpMethods.IsPost(request.Method) && path.Equals(Routes.Orders, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitedAction.PlaceOrder;
        }

        if (HttpMethods.IsPost(request.Method) && SignInTries.Contains(path))
        {
            return RateLimitedAction.TrySignIn;
        }

        return HttpMethods.IsGet(request.Method) && path.StartsWith(ProofPrefix, StringComparison.OrdinalIgnoreCase)
            && path.Length > ProofPrefix.Length && path.IndexOf('/', ProofPrefix.Length) < 0
            ? RateLimitedAction.VerifyProof
            : null;
    }
}
