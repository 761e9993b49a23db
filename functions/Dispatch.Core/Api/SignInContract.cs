using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Api;

public sealed record CodeRequest(string? Phone);

/// <summary>The same answer whether or not the phone belongs to anyone, so numbers cannot be probed.</summary>
public sealed record CodeSent(string Message, int ExpiresInSeconds);

/// <summary><see cref="Role"/> (Administrator, Organizer or Member) and <see cref="CommunityId"/> choose among the
/// identities a phone has, when it has several.</summary>
public sealed record VerifyRequest(string? Phone, string? Code, string? Role = null, string? CommunityId = null);

/// <summary>One identity a phone may sign in as.</summary>
public sealed record SignInChoice(string Role, string? CommunityId, string Name);

/// <summary>Who the session is and where they start. <see cref="CommunityId"/> is null for an administrator,
/// <see cref="GridId"/> is set for a grid organizer.</summary>
public sealed record SessionView(string Role, string Subject, string? CommunityId, string? GridId, string Home, DateTimeOffset ExpiresAt);

public sealed record ResidentOrdersRequest(string? Phone, string? Code);

/// <summary>One of a resident's orders, with the tracking link that opens it.</summary>
public sealed record ResidentOrderItem(
    string OrderId, OrderKind Kind, ServiceCategory Category, OrderStatus Status, string CommunityId, DateTimeOffset PlacedAt, string TrackingUrl);

/// <summary>A WebAuthn ceremony's options (the browser's JSON form) and the id to send the answer back with.</summary>
public sealed record PasskeyOptions(string CeremonyId, System.Text.Json.JsonElement Options);

/// <summary>The browser's answer to a ceremony (<c>PublicKeyCredential.toJSON()</c>).</summary>
public sealed record PasskeyAnswer(string? CeremonyId, System.Text.Json.JsonElement Response);

public sealed record PasskeyRegistered(string CredentialId);
