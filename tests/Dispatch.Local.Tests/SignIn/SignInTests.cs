using System.Net;
using System.Net.Http.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.SignIn;

/// <summary>Signing in with a phone and a one-time code on a real host: what the person at the phone notices.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInTests(AzuriteFixture azurite)
{
    private const string OrganizerPhone = "13800000001"; // org-wang
    private const string AdministratorPhone = "13800000009";

    private static async Task<System.Text.Json.JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await response.Content.LoadIntoBufferAsync();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<string> ProblemTypeAsync(HttpResponseMessage response) =>
        (await ProblemAsync(response)).GetProperty("type").GetString()!.Split('/')[^1];

    private static async Task<string> PhoneOfAsync(LocalHostFixture host, string memberId) =>
        (await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, memberId))!.Phone;

    [Fact]
    public async Task A_known_and_an_unknown_phone_get_the_same_202_answer()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);

        using var known = await client.RequestCodeAsync(OrganizerPhone);
        using var unknown = await client.RequestCodeAsync("13700000000");

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organizer_signs_in_gets_a_strict_http_only_cookie_and_opens_the_organizer_list_without_a_link()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);

        using var signedIn = await client.SignInAsync(OrganizerPhone);
        var session = (await signedIn.Content.ReadFromJsonAsync<SessionView>(CoreJson.Options))!;
        Assert.Equal(("Organizer", "org-wang", SignInRoutes.OrganizerHome), (session.Role, session.Subject, session.Home));
        Assert.Equal(LocalHostFixture.Monday10.AddHours(12), session.ExpiresAt);

        var cookie = client.LastSetCookie!.ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal); // plain http on loopback

        using var orders = await client.SendAsync(HttpMethod.Get, Routes.OrganizerOrders);
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        using var inbox = await client.SendAsync(HttpMethod.Get, Routes.Inbox);
        Assert.Equal("token-wrongrole", await ProblemTypeAsync(inbox));
        using var me = await client.SendAsync(HttpMethod.Get, SignInRoutes.Session);
        Assert.Equal("org-wang", (await me.Content.ReadFromJsonAsync<SessionView>(CoreJson.Options))!.Subject);
    }

    [Fact]
    public async Task A_member_signed_in_reads_the_inbox_without_a_link_until_signing_out()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);

        using var signedIn = await client.SignInAsync(await PhoneOfAsync(host, "m005"));
        var session = (await signedIn.Content.ReadFromJsonAsync<SessionView>(CoreJson.Options))!;
        Assert.Equal(("Member", "m005", SignInRoutes.MemberHome), (session.Role, session.Subject, session.Home));
        Assert.Equal(LocalHostFixture.Monday10.AddDays(30), session.ExpiresAt);
        using var inbox = await client.SendAsync(HttpMethod.Get, Routes.Inbox);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);

        using var signOut = await client.SendAsync(HttpMethod.Post, SignInRoutes.SignOut);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Null(client.Cookie);
        using var after = await client.SendAsync(HttpMethod.Get, Routes.Inbox);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("token-missing", await ProblemTypeAsync(after));
    }

    [Fact]
    public async Task A_code_signs_in_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);
        using var first = await client.SignInAsync(OrganizerPhone);

        using var again = await client.VerifyAsync(OrganizerPhone, client.CodeOf(OrganizerPhone));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("code-expired", await ProblemTypeAsync(again));
    }

    [Fact]
    public async Task A_code_expires_five_minutes_after_it_was_sent()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);
        using var sent = await client.RequestCodeAsync(OrganizerPhone);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var late = await client.VerifyAsync(OrganizerPhone, client.CodeOf(OrganizerPhone));

        Assert.Equal("code-expired", await ProblemTypeAsync(late));
        Assert.Null(client.Cookie);
    }

    [Fact]
    public async Task Five_wrong_codes_burn_the_code()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);
        using var sent = await client.RequestCodeAsync(OrganizerPhone);
        var code = client.CodeOf(OrganizerPhone);
        var wrong = code == "000000" ? "000001" : "000000";

        for (var i = 0; i < 5; i++)
        {
            using var tried = await client.VerifyAsync(OrganizerPhone, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, tried.StatusCode);
            Assert.Equal("code-wrong", await ProblemTypeAsync(tried));
        }

        using var right = await client.VerifyAsync(OrganizerPhone, code);
        Assert.Equal("code-expired", await ProblemTypeAsync(right));
    }

    [Fact]
    public async Task A_second_code_within_a_minute_is_429_with_retry_after_and_a_chinese_message()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);
        using var first = await client.RequestCodeAsync(OrganizerPhone);

        host.Clock.Advance(TimeSpan.FromSeconds(15));
        using var second = await client.RequestCodeAsync(OrganizerPhone);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("45", second.Headers.GetValues("Retry-After").Single());
        Assert.Equal("code-rate-limited", await ProblemTypeAsync(second));
        Assert.StartsWith("验证码发送太频繁", (await ProblemAsync(second)).GetProperty("title").GetString(), StringComparison.Ordinal);
        host.Clock.Advance(TimeSpan.FromSeconds(45));
        using var later = await client.RequestCodeAsync(OrganizerPhone);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
    }

    [Fact]
    public async Task One_client_address_is_limited_across_phones_and_another_address_is_not()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["SignIn:AddressPerHour"] = "3",
            ["RateLimits:ForwardedHops"] = "1",
        });
        using var client = new SignInClient(host, "203.0.113.7");
        using var other = new SignInClient(host, "203.0.113.8");

        foreach (var phone in new[] { "13700000001", "13700000002", "13700000003" })
        {
            using var sent = await client.RequestCodeAsync(phone);
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }

        using var fourth = await client.RequestCodeAsync("13700000004");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("3600", fourth.Headers.GetValues("Retry-After").Single());
        using var elsewhere = await other.RequestCodeAsync("13700000004");
        Assert.Equal(HttpStatusCode.Accepted, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Tries_at_codes_from_one_address_are_limited_across_phones_and_another_address_is_not()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignInTriesPerMinute"] = "4",
            ["RateLimits:ForwardedHops"] = "1",
        });
        using var guesser = new SignInClient(host, "203.0.113.7");
        using var other = new SignInClient(host, "203.0.113.8");

        // Four guesses spread over phones, and at the residents' lookup: each is a wrong code (400), not a refusal.
        foreach (var phone in new[] { "13700000001", "13700000002", "13700000003" })
        {
            using var wrong = await guesser.VerifyAsync(phone, "123456");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var lookup = await guesser.SendAsync(HttpMethod.Post, SignInRoutes.ResidentOrders, new ResidentOrdersRequest("13700000004", "123456")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
        }

        using var fifth = await guesser.VerifyAsync(OrganizerPhone, "123456");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.True(int.Parse(fifth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);

        // The person at the phone, elsewhere, still signs in.
        using var real = await other.SignInAsync(OrganizerPhone);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task A_phone_with_two_roles_is_asked_to_choose_and_the_code_still_works_for_the_choice()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var phone = await PhoneOfAsync(host, "m005");
        await host.Services.GetRequiredService<OrgDirectory>().UpsertOrganizerAsync(new Organizer(LocalHostFixture.CommunityId, "org-m005", "兼职网格员", phone));
        using var client = new SignInClient(host);
        using var sent = await client.RequestCodeAsync(phone);

        using var ambiguous = await client.VerifyAsync(phone, client.CodeOf(phone));
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        Assert.Equal("choose-role", await ProblemTypeAsync(ambiguous));
        var choices = (await ProblemAsync(ambiguous)).GetProperty("choices")
            .EnumerateArray().Select(c => c.GetProperty("role").GetString()).Order().ToList();
        Assert.Equal(["Member", "Organizer"], choices);
        Assert.Null(client.Cookie);

        using var chosen = await client.VerifyAsync(phone, client.CodeOf(phone), "Organizer");
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("org-m005", (await chosen.Content.ReadFromJsonAsync<SessionView>(CoreJson.Options))!.Subject);
    }

    [Fact]
    public async Task The_administrator_lands_on_the_admin_page()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);

        using var signedIn = await client.SignInAsync(AdministratorPhone);

        var session = (await signedIn.Content.ReadFromJsonAsync<SessionView>(CoreJson.Options))!;
        Assert.Equal(("Administrator", SignInRoutes.AdministratorHome, null), (session.Role, session.Home, session.CommunityId));
    }

    [Fact]
    public async Task A_deactivated_member_cannot_sign_in()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var client = new SignInClient(host);
        var phone = await PhoneOfAsync(host, "m017"); // the demo's deactivated member
        using var sent = await client.RequestCodeAsync(phone);

        using var refused = await client.VerifyAsync(phone, client.CodeOf(phone));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("no-account", await ProblemTypeAsync(refused));
        Assert.Null(client.Cookie);
    }

    [Fact]
    public async Task A_resident_finds_their_orders_by_phone_but_not_an_erased_one()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var kept = await host.PlaceAsync();
        var erased = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false));
        await host.Services.GetRequiredService<OrderStore>().ErasePersonalDataAsync(erased.OrderId);
        using var client = new SignInClient(host);
        const string phone = "13812345678"; // the form's
        using var sent = await client.RequestCodeAsync(phone);

        using var found = await client.SendAsync(HttpMethod.Post, SignInRoutes.ResidentOrders, new ResidentOrdersRequest(phone, client.CodeOf(phone)));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var order = Assert.Single((await found.Content.ReadFromJsonAsync<ResidentOrderItem[]>(CoreJson.Options))!);
        Assert.Equal(kept.OrderId, order.OrderId);
        var tracking = new Uri(order.TrackingUrl);
        var token = System.Web.HttpUtility.ParseQueryString(tracking.Query)["t"]!;
        using var opened = await host.SendAsync(HttpMethod.Get, LocalHostFixture.RouteOf(Routes.Order, kept.OrderId), token);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task Outside_a_demo_without_an_sms_provider_asking_for_a_code_is_503()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Dispatch:Demo"] = "false" });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var refused = await http.PostAsJsonAsync(SignInRoutes.Code, new CodeRequest(OrganizerPhone));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("sms-not-configured", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var demoCodes = await http.GetAsync(new Uri("/api/demo/codes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, demoCodes.StatusCode);
    }
}
