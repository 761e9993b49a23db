using System.Net.Http.Headers;
using System.Text;
using Dispatch.Contract.Tests;
using Dispatch.Core.Time;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Contract;

/// <summary>The contract suite (tests/Contract, shared with the Azure host's tests) against the local host on
/// real Kestrel over loopback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalContractSuite(AzuriteFixture azurite) : ContractSuite
{
    protected override async Task<IContractHost> StartAsync() => new LocalContractHost(await LocalHostFixture.StartAsync(azurite));
}

/// <summary>The local host as an <see cref="IContractHost"/>: an HttpClient to 127.0.0.1, the demo seed
/// (community "hubin", members m001…), its test clock, and its loops run by hand.</summary>
public sealed class LocalContractHost(LocalHostFixture host) : IContractHost
{
    public string CommunityId => LocalHostFixture.CommunityId;

    // Demo members who serve Visit (every fifth) and are active.
    public string SpareMemberId => "m005";

    public string OtherMemberId => "m010";

    public DateOnly Today => ChinaTime.DateOf(host.Clock.GetUtcNow());

    public object Form(string kind = "Service", string category = "Repair") =>
        LocalHostFixture.Form(kind, category, urgent: kind == "Service");

    public string MemberToken(string memberId) => host.MemberToken(memberId);

    public string OrganizerToken() => host.OrganizerToken();

    public string GridOrganizerToken(string gridId) => host.Links.OrganizerToken("org-grid", CommunityId, gridId);

    public string AdministratorToken() => host.Links.AdministratorToken("admin-zhao");

    public Task SettleAsync() => host.RunLoopsAsync();

    public async Task<ContractAnswer> SendAsync(string method, string pathAndQuery, string? token = null, string? jsonBody = null,
        IReadOnlyDictionary<string, string>? headers = null, RawBody? raw = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (raw is not null)
        {
            request.Content = new ByteArrayContent(raw.Bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(raw.ContentType);
        }
        else if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await host.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            all[name] = string.Join(", ", values);
        }

        return new ContractAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", bytes, all);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
