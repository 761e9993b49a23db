using System.Text;
using System.Text.Json;

namespace Dispatch.Contract.Tests;

/// <summary>One host of the HTTP contract, as the contract suite (<see cref="ContractSuite"/>) sees it: real
/// requests in, the answer as a client gets it out, and what the suite needs to set up its scenarios. The local
/// host's is an HttpClient over loopback; the Azure host's routes each request to its HTTP function in-process,
/// with the orchestrations in the Durable test host. Source shared by both test projects (linked, see their
/// .csproj), so that it can use the core's types without Dispatch.Testing referencing the app.</summary>
public interface IContractHost : IAsyncDisposable
{
    /// <summary>The seeded community every order, post and link of the suite belongs to.</summary>
    string CommunityId { get; }

    /// <summary>Two seeded, active members of <see cref="CommunityId"/> who take wishes and posts (serving
    /// Visit and Repair). Which member an order is offered to first is read from the organizer's list.</summary>
    string SpareMemberId { get; }

    string OtherMemberId { get; }

    /// <summary>The host's date in China (the local host's test clock; the Azure host's real clock).</summary>
    DateOnly Today { get; }

    /// <summary>A valid order form of <see cref="CommunityId"/> (its seeded grid and building).</summary>
    object Form(string kind = "Service", string category = "Repair");

    string MemberToken(string memberId);

    string OrganizerToken();

    /// <summary>A grid organizer's link of <see cref="CommunityId"/> for <paramref name="gridId"/> (the seed has g1 and g2;
    /// <see cref="Form"/> places orders in g1).</summary>
    string GridOrganizerToken(string gridId);

    /// <summary>A district administrator's link.</summary>
    string AdministratorToken();

    /// <summary>Lets the host's background work run once: the local host's loops (queue, timers, outbox),
    /// which its tests run by hand; nothing on the Azure host, whose orchestrations and deliveries run by themselves.</summary>
    Task SettleAsync();

    /// <summary>One request, as a client sends it: a bearer token, a JSON body (raw text), extra headers; or, instead
    /// of the JSON, <paramref name="raw"/> bytes of a content type (an upload).</summary>
    Task<ContractAnswer> SendAsync(string method, string pathAndQuery, string? token = null, string? jsonBody = null,
        IReadOnlyDictionary<string, string>? headers = null, RawBody? raw = null);
}

/// <summary>A request body that is not JSON: its bytes and content type.</summary>
public sealed record RawBody(byte[] Bytes, string ContentType);

/// <summary>An answer as the client gets it: status, content type, body bytes and headers (names case-insensitive).</summary>
public sealed record ContractAnswer(int Status, string ContentType, byte[] Bytes, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public JsonElement Json => JsonDocument.Parse(Bytes).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The problem type's last segment ("validation", "closed"…), or "" for another body.</summary>
    public string ProblemType => ContentType.StartsWith("application/problem+json", StringComparison.Ordinal)
        ? Json.GetProperty("type").GetString()!.Split('/')[^1] : "";

    public override string ToString() => $"{Status} {ContentType}: {(Bytes.Length > 600 ? Text[..600] : Text)}";
}
