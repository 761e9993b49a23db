using System.Net;
using System.Net.Http.Json;
using Dispatch.App.SignIn;
using Dispatch.Core.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.SignIn;

/// <summary>A browser's view of sign-in against one test host: it keeps the session cookie the host sets (and
/// nothing else) and reads the codes from the demo outbox, as the demo's /api/demo/codes does.</summary>
internal sealed class SignInClient(LocalHostFixture host, string address = "127.0.0.1") : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };

    public string? Cookie { get; private set; }

    public string? LastSetCookie { get; private set; }

    public string CodeOf(string phone) => host.Services.GetRequiredService<CodeOutbox>().LatestFor(phone) ?? throw new InvalidOperationException("No code sent to " + phone);

    public Task<HttpResponseMessage> RequestCodeAsync(string phone) => SendAsync(HttpMethod.Post, SignInRoutes.Code, new CodeRequest(phone));

    public Task<HttpResponseMessage> VerifyAsync(string phone, string code, string? role = null, string? communityId = null) =>
        SendAsync(HttpMethod.Post, SignInRoutes.Verify, new VerifyRequest(phone, code, role, communityId));

    /// <summary>Asks for a code and signs in with it; asserts it worked.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string phone, string? role = null)
    {
        using var sent = await RequestCodeAsync(phone);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var verified = await VerifyAsync(phone, CodeOf(phone), role);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return verified;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        else if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { });
        }

        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        request.Headers.Add("X-Forwarded-For", address);
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values) && values.FirstOrDefault(v => v.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal)) is { } set)
        {
            LastSetCookie = set;
            var pair = set.Split(';')[0];
            Cookie = pair.Length > SessionCookie.Name.Length + 1 ? pair : null;
        }

        return response;
    }

    public void Dispose() => _http.Dispose();
}
