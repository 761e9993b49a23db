using Dispatch.App.SignIn;
using Dispatch.Core.Api;
using Dispatch.Functions.Http;
using Dispatch.Storage;
using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>Sign-in on the Azure host: the same use cases as the local host (Dispatch.App/SignIn) through the HTTP
/// functions; the session cookie the verify function sets opens the organizer's functions without a link.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInTests(AzuriteFixture azurite)
{
    private const string Phone = "13500000001";

    [Fact]
    public async Task An_organizer_signs_in_with_a_code_and_the_session_cookie_opens_the_organizer_list_until_sign_out()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        await host.Get<OrgDirectory>().UpsertOrganizerAsync(new Organizer(CommunityId, "org-az", "测试组织员", Phone));
        var signIn = host.Get<SignInFunctions>();

        var sent = await host.CallAsync(Request("POST", SignInRoutes.Code, new CodeRequest(Phone)), r => signIn.RequestCodeAsync(r, default));
        Assert.Equal(202, sent.Status);
        var wrong = await host.CallAsync(Request("POST", SignInRoutes.Verify, new VerifyRequest(Phone, "12345")), r => signIn.VerifyAsync(r, default));
        Assert.Equal((400, "code-wrong"), (wrong.Status, wrong.ProblemType));
        var code = host.Get<CodeOutbox>().LatestFor(Phone)!;
        var verified = await host.CallAsync(Request("POST", SignInRoutes.Verify, new VerifyRequest(Phone, code)), r => signIn.VerifyAsync(r, default));

        Assert.Equal(200, verified.Status);
        Assert.Equal(SignInRoutes.OrganizerHome, verified.As<SessionView>().Home);
        var setCookie = verified.Headers.SetCookie.ToString();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];

        var orders = Request("GET", Routes.OrganizerOrders);
        orders.Headers.Cookie = cookie;
        Assert.Equal(200, Read(await host.Organizer.OrdersAsync(orders, default)).Status);
        var again = await host.CallAsync(Request("POST", SignInRoutes.Verify, new VerifyRequest(Phone, code)), r => signIn.VerifyAsync(r, default));
        Assert.Equal("code-expired", again.ProblemType);

        var signOut = await host.CallAsync(Request("POST", SignInRoutes.SignOut), r => signIn.SignOutAsync(r));
        Assert.Equal(204, signOut.Status);
        Assert.Contains(SessionCookie.Name + "=;", signOut.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_code_within_a_minute_is_429_with_retry_after()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var signIn = host.Get<SignInFunctions>();

        await host.CallAsync(Request("POST", SignInRoutes.Code, new CodeRequest(Phone)), r => signIn.RequestCodeAsync(r, default));
        var second = await host.CallAsync(Request("POST", SignInRoutes.Code, new CodeRequest(Phone)), r => signIn.RequestCodeAsync(r, default));

        Assert.Equal((429, "code-rate-limited"), (second.Status, second.ProblemType));
        Assert.True(int.Parse(second.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
    }
}
