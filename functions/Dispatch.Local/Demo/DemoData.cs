using System.Collections.Immutable;
using Dispatch.Core.Members;
using Dispatch.Storage;

namespace Dispatch.Local.Demo;

/// <summary>One demo community — grids, buildings, three organizers (one of them a grid organizer of 第一网格), a
/// district administrator and 50 members with varied skills and
/// hours — generated the same way every time, so seeding twice changes nothing.</summary>
public static class DemoData
{
    public const string CommunityId = "hubin";
    public const string OrganizerId = "org-wang";

    public static readonly Community Community = new(CommunityId, "湖滨社区", "Hubin Community");

    public static readonly ImmutableArray<Grid> Grids =
    [
        new(CommunityId, "g1", "第一网格", "Grid 1"),
        new(CommunityId, "g2", "第二网格", "Grid 2"),
        new(CommunityId, "g3", "第三网格", "Grid 3"),
        new(CommunityId, "g4", "第四网格", "Grid 4"),
    ];

    public static ImmutableArray<Building> Buildings =>
    [
        .. Grids.SelectMany(g => Enumerable.Range(1, 3).Select(i =>
        {
            var number = (int.Parse(g.GridId[1..], System.Globalization.CultureInfo.InvariantCulture) - 1) * 3 + i;
            return new Building(CommunityId, g.GridId, $"b{number}", $"{number}号楼", $"Building {number}");
        })),
    ];

    public static readonly ImmutableArray<Organizer> Organizers =
    [
        new(CommunityId, OrganizerId, "王书记", "13800000001"),
        new(CommunityId, "org-li", "李网格员", "13800000002"),
        new(CommunityId, "org-chen", "陈网格员", "13800000003", GridId: "g1"),
    ];

    /// <summary>The district's administrator, who maintains communities and reads every report.</summary>
    public static readonly Administrator Administrator = new("admin-zhao", "赵部长", "13800000009");

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "伟", "敏", "军", "静", "磊", "芳", "洋", "艳", "勇", "娜", "杰", "婷", "涛", "霞"];

    public static ImmutableArray<Member> Members()
    {
        var categories = Enum.GetValues<ServiceCategory>();
        var buildings = Buildings;
        var list = ImmutableArray.CreateBuilder<Member>(50);
        for (var i = 1; i <= 50; i++)
        {
            var building = buildings[(i * 7) % buildings.Length];
            var skills = ImmutableHashSet.Create(categories[i % categories.Length], categories[(i * 3 + 1) % categories.Length]);
            if (i % 5 == 0)
            {
                skills = skills.Add(ServiceCategory.Visit).Add(ServiceCategory.Errand);
            }

            // A third are free any time (retired members); the rest on evenings and weekends, as most work.
            var availability = i % 3 == 0
                ? Availability.AnyTime
                : new Availability([
                    .. Enumerable.Range(1, 5).Select(d => new WeeklySlot((DayOfWeek)d, 18, 21)),
                    new WeeklySlot(DayOfWeek.Saturday, 8, 20),
                    new WeeklySlot(DayOfWeek.Sunday, 8, 20),
                ]);
            list.Add(new Member(
                $"m{i:D3}",
                Surnames[i % Surnames.Length] + Given[(i * 5) % Given.Length],
                $"1390000{i:D4}",
                new Location(CommunityId, building.GridId, building.BuildingId),
                skills,
                availability,
                Active: i % 17 != 0,
                LinkedHouseholds: i <= 10 ? [$"{building.BuildingId}-{100 + i}"] : null));
        }

        return list.ToImmutable();
    }
}
