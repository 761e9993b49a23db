using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;
using Dispatch.Storage;

namespace Dispatch.App.Registry;

/// <summary>How registry records are shown, and the directory as the registry's rules read it.</summary>
public static class RegistryViews
{
    public static MemberRecordView Member(Member m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.MemberId, m.Name, m.Phone, m.Home.GridId, m.Home.BuildingId, Skills(m.Skills), Slots(m.Availability), m.Active);
    }

    public static RegistrationView Registration(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var d = r.Details;
        return new(r.RegistrationId, r.Status.ToString(), d.Name, d.Phone, d.Home.GridId, d.Home.BuildingId, Skills(d.Skills), Slots(d.Availability),
            r.Pledge, r.SubmittedAt, r.DecidedAt, r.Reason, r.MemberId);
    }

    /// <summary>The applicant's view: no phone, no organizer, only what they need to know where they stand.</summary>
    public static RegistrationStatusView Status(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.RegistrationId, r.Status.ToString(), r.Details.Name, r.CommunityId, r.SubmittedAt, r.DecidedAt, r.Reason);
    }

    public static IReadOnlyList<SlotView> Slots(Availability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return availability.Slots.IsDefaultOrEmpty
            ? []
            : [.. availability.Slots.OrderBy(s => (int)s.Day).ThenBy(s => s.FromHour).Select(s => new SlotView(s.Day.ToString(), s.FromHour, s.ToHour))];
    }

    public static CommunityPlaces Places(string communityId, CommunityDirectory? directory) => new(
        communityId,
        directory?.Grids.Select(g => g.GridId).ToHashSet(StringComparer.Ordinal) ?? [],
        directory?.Buildings.Select(b => (b.GridId, b.BuildingId)).ToHashSet() ?? []);

    /// <summary>The community's places by id and by Chinese name, as import files name them and exports write them.</summary>
    public static ImportDirectory Directory(string communityId, CommunityDirectory? tree) => new(
        Places(communityId, tree),
        tree?.Grids.GroupBy(g => g.NameZh).ToDictionary(g => g.Key, g => g.First().GridId) ?? [],
        tree?.Buildings.GroupBy(b => (b.GridId, b.NameZh)).ToDictionary(g => g.Key, g => g.First().BuildingId) ?? []);

    private static IReadOnlyList<string> Skills(IEnumerable<ServiceCategory> skills) => [.. skills.Select(s => s.ToString()).Order(StringComparer.Ordinal)];
}
