using Dispatch.App.RateLimiting;
using Dispatch.App.SignedLinks;
using Dispatch.Core;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Privacy;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignIn;

/// <summary>Sign-in by phone and one-time code (登录), the session it opens, and residents finding their orders by
/// phone (找回我的订单). The same on both hosts.</summary>
public sealed class SignInUseCases(
    SignInCodes codes, SignInIdentities identities, ResidentOrders residentOrders, TokenSigner signer, Access access, Links links,
    IOptions<RateLimitOptions> rateLimits, TimeProvider clock)
{
    /// <summary>Sends a code to any valid mobile number and answers 202 with the same body whether or not anyone has
    /// that number, so numbers cannot be probed; the limits (429) count every number alike.</summary>
    public async Task<IResult> RequestCodeAsync(HttpContext http, CodeRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var phone = Mobile(body?.Phone);
        await codes.SendAsync(phone, ClientAddress.Of(http, rateLimits.Value.ForwardedHops), ct);
        var lifetime = (int)codes.CodeLifetime.TotalSeconds;
        return Results.Json(
            new CodeSent($"如果该号码可以登录，验证码已发出，{lifetime / 60} 分钟内有效。 If this number can sign in, a code is on its way; it is valid for {lifetime / 60} minutes.", lifetime),
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Signs in: the code must be right; a phone with several identities and no choice gets 409 listing them
    /// (the code stays valid for the choice). Sets the session cookie and answers who you are and your home page.</summary>
    public async Task<IResult> VerifyAsync(HttpContext http, VerifyRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var phone = Mobile(body?.Phone);
        await codes.CheckAsync(phone, body?.Code, use: false, ct);
        var found = await identities.FindAsync(phone, ct);
        if (found.Count == 0)
        {
            throw new ApiProblemException(SignInProblems.NoAccount);
        }

        var chosen = found
            .Where(i => body?.Role is not { Length: > 0 } role || string.Equals(i.Role.ToString(), role, StringComparison.OrdinalIgnoreCase))
            .Where(i => body?.CommunityId is not { Length: > 0 } community || i.CommunityId == community)
            .ToList();
        if (chosen.Count == 0)
        {
            throw new ApiProblemException(SignInProblems.NoSuchChoice);
        }

        if (chosen.Count > 1)
        {
            return ChooseRole.Result(chosen.Select(i => i.Choice).ToList(), http.Request.Path.Value);
        }

        await codes.CheckAsync(phone, body?.Code, use: true, ct);
        return Results.Ok(Sessions.Open(http, signer, chosen[0], clock.GetUtcNow()));
    }

    /// <summary>Who the caller is (the session, or a link): 401 when neither.</summary>
    public IResult Session(HttpContext http) => Results.Ok(Sessions.View(access.Read(http.Request)));

    /// <summary>Ends the session: the cookie is cleared (204), signed in or not.</summary>
    public IResult SignOut(HttpContext http)
    {
        SessionCookie.Clear(http);
        return Results.NoContent();
    }

    /// <summary>The resident's orders placed with this phone, each with a fresh tracking link; uses the code.
    /// Orders whose personal data was erased no longer carry the phone and are not found.</summary>
    public async Task<IResult> ResidentOrdersAsync(ResidentOrdersRequest? body, CancellationToken ct)
    {
        var phone = Mobile(body?.Phone);
        await codes.CheckAsync(phone, body?.Code, use: true, ct);
        var orders = await residentOrders.FindByPhoneAsync(phone, ct);
        return Results.Ok(orders.Select(o => new ResidentOrderItem(
            o.OrderId, o.Request.Kind, o.Request.Category, o.Status, o.Request.Location.CommunityId, o.PlacedAt,
            links.Tracking(o.OrderId, links.ResidentToken(o.OrderId)))).ToList());
    }

    private static string Mobile(string? raw) =>
        MemberForm.NormalizePhone(raw?.Trim()) is { } phone && Phone.IsMobile(phone) ? phone : throw new ApiProblemException(SignInProblems.PhoneInvalid);
}
