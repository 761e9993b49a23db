using System.Collections.Immutable;
using Dispatch.Core.Members;

namespace Dispatch.Core.Registry;

/// <summary>What an organizer or an applicant states about a member, checked: who, where, what and when.</summary>
public sealed record MemberDetails(
    string Name,
    string Phone,
    Location Home,
    ImmutableHashSet<ServiceCategory> Skills,
    Availability Availability)
{
    /// <summary>A new active member with these details.</summary>
    public Member ToMember(string memberId) => new(memberId, Name, Phone, Home, Skills, Availability);

    /// <summary>The member with these details; id, active flag and linked households are kept.</summary>
    public Member ApplyTo(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member with { Name = Name, Phone = Phone, Home = Home with { HouseholdId = member.Home.HouseholdId }, Skills = Skills, Availability = Availability };
    }

    public static MemberDetails Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Name, member.Phone, member.Home, member.Skills, member.Availability);
    }
}
