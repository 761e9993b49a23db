using System.Collections.Immutable;

namespace Dispatch.Core.Members;

/// <summary>A party member registered at the community where they live (在职党员报到).</summary>
public sealed record Member(
    string MemberId,
    string Name,
    string Phone,
    Location Home,
    ImmutableHashSet<ServiceCategory> Skills,
    Availability Availability,
    bool Active = true,
    ImmutableHashSet<string>? LinkedHouseholds = null)
{
    public ImmutableHashSet<string> Households => LinkedHouseholds ?? ImmutableHashSet<string>.Empty;
}
