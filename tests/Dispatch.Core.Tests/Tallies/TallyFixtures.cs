using System.Collections.Immutable;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;

namespace Dispatch.Core.Tests.Tallies;

internal static class TallyFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static ServiceRecord Record(
        string id, string member = "m1", DateOnly? servedOn = null, int halfHours = 2, bool wish = false, int? rating = null,
        string community = "c1", string grid = "g1", string building = "b1") => new(
        id, id, member, new Location(community, grid, building), ServiceCategory.Visit, wish, halfHours,
        servedOn ?? new DateOnly(2026, 6, 1), T0, ConfirmedBy.Resident, rating);

    public static PostClaim Claim(string post, string member = "m1", int year = 2026, string community = "c1") =>
        new(post, community, member, 1, year, T0);

    public static Member Member(string id, string grid = "g1", string building = "b1", bool active = true, string community = "c1") =>
        new(id, "党员" + id, "13900000000", new Location(community, grid, building), ImmutableHashSet<ServiceCategory>.Empty, Availability.AnyTime, active);
}
