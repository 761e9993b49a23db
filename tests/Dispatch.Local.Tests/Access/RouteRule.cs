using System.Collections.Immutable;

namespace Dispatch.Local.Tests.Access;

/// <summary>One row of the role and scope matrix: who may call a route. Everyone else is refused: 401 without a
/// link, 403 with one, except the callers in <see cref="Hidden"/>, who get 404 by design (the resource is looked
/// up inside their own scope and is not there, so ids cannot be probed).</summary>
/// <param name="Target">The request to send: a realistic path and body for the resource in g1.</param>
public sealed record RouteRule(string Method, string Template, ImmutableHashSet<Caller> Allowed, Func<MatrixWorld, Task<Target>> Target)
{
    public ImmutableHashSet<Caller> Hidden { get; init; } = [];

    /// <summary>Why <see cref="Hidden"/> callers get 404 rather than 403.</summary>
    public string? HiddenBecause { get; init; }

    /// <summary>A route for anyone: no caller is refused.</summary>
    public bool IsPublic => Allowed.Count == Enum.GetValues<Caller>().Length;

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>What the matrix sends to one route: the path with its ids, a body (JSON, or text with its content type),
/// and, for routes about one order, that order's resident link and the member it is offered to.</summary>
public sealed record Target(string Path, object? Body = null, string? TextBody = null, string? ContentType = null)
{
    public string? ResidentToken { get; init; }

    public string? MemberId { get; init; }
}
