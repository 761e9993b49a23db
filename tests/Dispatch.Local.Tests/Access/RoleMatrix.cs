using System.Collections.Immutable;
using Dispatch.Core.Api;
using Dispatch.Core.Reports;
using Dispatch.Testing;
using static Dispatch.Local.Tests.Access.Caller;

namespace Dispatch.Local.Tests.Access;

/// <summary>THE table of who may call what: one row for every (method, route) of <see cref="ApiContract.All"/>. A route
/// missing here fails <see cref="RoleMatrixTests"/>, so every new route must be classified. The roles: a district
/// administrator reads every community's reports and keeps communities and organizers; a community organizer does
/// everything organizers do in their community; a grid organizer the same for the orders, members and reports of their
/// grid (community-wide actions — posts, the assessment year, undeliverable offers — are the community organizers');
/// a member their own inbox, record and board; a resident their order; a registrant registers.</summary>
public static class RoleMatrix
{
    private static readonly ImmutableHashSet<Caller> Everyone = [.. Enum.GetValues<Caller>()];

    /// <summary>Organizer lists read what the link's own community (and grid) holds, so every organizer may ask.</summary>
    private static readonly ImmutableHashSet<Caller> Organizers = [GridOrganizerG1, GridOrganizerG2, CommunityOrganizer, OrganizerOfAnotherCommunity];

    private static readonly ImmutableHashSet<Caller> CommunityOrganizers = [CommunityOrganizer, OrganizerOfAnotherCommunity];

    /// <summary>An order in g1: its community's organizers and g1's.</summary>
    private static readonly ImmutableHashSet<Caller> OrderOrganizers = [GridOrganizerG1, CommunityOrganizer];

    private static readonly ImmutableHashSet<Caller> ReportReaders = Organizers.Add(Administrator);

    private static readonly ImmutableHashSet<Caller> Members = [Member];

    private static readonly ImmutableHashSet<Caller> Registrants = [Registrant, Applicant];

    /// <summary>Who can sign in, and so hold a session: members (an offer link is a member's too), organizers, the administrator.</summary>
    private static readonly ImmutableHashSet<Caller> SignedIn = [Member, OfferLinkOfAnotherOrder, .. Organizers, Administrator];

    private const string Hub = LocalHostFixture.CommunityId;

    /// <summary>A phone's push subscription as a browser sends it (an https push service; keys of the right sizes).</summary>
    private static readonly PushSubscriptionRequest PushSubscription = new(
        "https://push.example.org/send/abc",
        new PushSubscriptionKeys(Base64Url([4, .. new byte[64]]), Base64Url(new byte[16])));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IReadOnlyList<RouteRule> Rules { get; } =
    [
        new("GET", ApiContract.Health, Everyone, _ => Fixed(ApiContract.Health)),
        new("GET", ApiContract.OpenApiDocument, Everyone, _ => Fixed(ApiContract.OpenApiDocument)),
        new("GET", Routes.Communities, Everyone, _ => Fixed(Routes.Communities)),
        new("POST", Routes.Orders, Everyone, _ => Fixed(Routes.Orders, LocalHostFixture.Form())),
        new("GET", Routes.Order, [Resident, Member, .. OrderOrganizers], w => w.OfferedOrderAsync(Routes.Order))
        {
            Hidden = [OfferLinkOfAnotherOrder],
            HiddenBecause = "a member's link that does not open the order reads it as unknown (404), so order ids cannot be probed",
        },
        new("POST", Routes.Cancel, [Resident], w => w.OfferedOrderAsync(Routes.Cancel, new ReasonRequest("不需要了"))),
        new("POST", Routes.Confirm, [Resident, .. OrderOrganizers], w => w.OfferedOrderAsync(Routes.Confirm, new ConfirmRequest(5, "居民电话确认"))),
        new("POST", Routes.Dispute, [Resident], w => w.OfferedOrderAsync(Routes.Dispute, new ReasonRequest("没有来"))),
        new("POST", Routes.Accept, Members, w => w.OfferedOrderAsync(Routes.Accept)),
        new("POST", Routes.Decline, Members, w => w.OfferedOrderAsync(Routes.Decline, new ReasonRequest("出差"))),
        new("POST", Routes.Claim, Members, w => w.WishAsync(Routes.Claim)),
        new("POST", Routes.Hours, Members, w => w.AcceptedOrderAsync(Routes.Hours, new HoursRequest(2))),
        new("POST", Routes.Dispatch, OrderOrganizers, w => w.OfferedOrderAsync(Routes.Dispatch, new DispatchRequest(w.MemberInG1))),
        new("PUT", Routes.Photo, [Resident], async w => await w.OfferedOrderAsync(Routes.Photo, CraftedPhotos.Jpeg(800, 600)) with { ContentType = "image/jpeg" }),
        new("GET", Routes.Photo, [Resident, Member, .. OrderOrganizers], w => w.AcceptedOrderAsync(Routes.Photo))
        {
            Hidden = [OfferLinkOfAnotherOrder],
            HiddenBecause = "as for the order itself: a member's link that does not open the order reads it as unknown (404)",
        },
        new("GET", Routes.Inbox, Members, _ => Fixed(Routes.Inbox)),
        new("GET", Routes.MyRecords, Members, _ => Fixed(Routes.MyRecords)),
        new("GET", Routes.Board, Members, _ => Fixed(Routes.Board)),
        new("POST", Routes.OrganizerOrders, OrderOrganizers, _ => Fixed(Routes.OrganizerOrders, LocalHostFixture.Form())), // 代下单 in g1 of hubin
        new("GET", Routes.OrganizerOrders, Organizers, _ => Fixed(Routes.OrganizerOrders)),
        new("POST", DeskRoutes.Contact, OrderOrganizers, w => w.OfferedOrderAsync(DeskRoutes.Contact, new ReasonRequest("联系居民"))),
        new("GET", DeskRoutes.ContactLog, OrderOrganizers, w => w.OfferedOrderAsync(DeskRoutes.ContactLog)),
        new("GET", DeskRoutes.History, Organizers, _ => Fixed(DeskRoutes.History + "?category=Repair")),
        new("GET", DeskRoutes.Candidates, OrderOrganizers, w => w.OfferedOrderAsync(DeskRoutes.Candidates + "?q=" + Uri.EscapeDataString("维修"))),
        new("GET", Routes.OrganizerMembers, Organizers, _ => Fixed(Routes.OrganizerMembers)),
        new("GET", Routes.OrganizerNotices, Organizers, _ => Fixed(Routes.OrganizerNotices)),
        new("GET", Routes.DeadLetters, CommunityOrganizers, _ => Fixed(Routes.DeadLetters)),
        new("GET", ChannelRoutes.MemberChannels, Members, _ => Fixed(ChannelRoutes.MemberChannels)),
        new("PUT", ChannelRoutes.MemberChannels, Members, _ => Fixed(ChannelRoutes.MemberChannels, new ChannelSettingsRequest("m@example.org", true))),
        new("POST", ChannelRoutes.MemberPush, Members, _ => Fixed(ChannelRoutes.MemberPush, PushSubscription)),
        new("DELETE", ChannelRoutes.MemberPush, Members, _ => Fixed(ChannelRoutes.MemberPush, new PushEndpointRequest(PushSubscription.Endpoint))),
        new("GET", ChannelRoutes.OrganizerChannels, Organizers, _ => Fixed(ChannelRoutes.OrganizerChannels)),
        new("PUT", ChannelRoutes.OrganizerChannels, Organizers, _ => Fixed(ChannelRoutes.OrganizerChannels, new ChannelSettingsRequest("o@example.org", false))),
        new("POST", ChannelRoutes.OrganizerPush, Organizers, _ => Fixed(ChannelRoutes.OrganizerPush, PushSubscription)),
        new("DELETE", ChannelRoutes.OrganizerPush, Organizers, _ => Fixed(ChannelRoutes.OrganizerPush, new PushEndpointRequest(PushSubscription.Endpoint))),
        new("GET", ChannelRoutes.PushKey, Everyone, _ => Fixed(ChannelRoutes.PushKey)),
        new("GET", ChannelRoutes.Deliveries, CommunityOrganizers, _ => Fixed(ChannelRoutes.Deliveries + "?outcome=Failed")),
        new("POST", Routes.ResubmitDeadLetter, [CommunityOrganizer], w => Fixed(Routes.ResubmitDeadLetter.Replace("{id}", Uri.EscapeDataString(w.DeadLetterId), StringComparison.Ordinal))),
        new("POST", PostRoutes.Posts, CommunityOrganizers, w => Fixed(PostRoutes.Posts,
            new CreatePostRequest("敬老院探访", null, 5, new DateOnly(w.Year, 12, 1), new DateOnly(w.Year, 12, 31)))),
        new("GET", PostRoutes.Posts, [.. Organizers, Member], _ => Fixed(PostRoutes.Posts)),
        new("POST", PostRoutes.Claim, Members, w => Fixed(PostRoutes.ClaimOf(w.PostId))),
        new("POST", PostRoutes.Shifts, [CommunityOrganizer], w => Fixed(PostRoutes.ShiftsOf(w.PostId), new ShiftRequest("m005", new DateOnly(w.Year, 12, 1), 2)))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "posts are looked up in the organizer's own community, where this post id is unknown",
        },
        new("GET", PostRoutes.Tallies, ReportReaders, w => Fixed($"{PostRoutes.Tallies}?community={Hub}&year={w.Year}")),
        new("GET", PostRoutes.MyTally, Members, _ => Fixed(PostRoutes.MyTally)),
        new("GET", PostRoutes.Assessment, CommunityOrganizers, w => Fixed(PostRoutes.AssessmentOf(w.Year - 1))),
        new("POST", PostRoutes.Freeze, CommunityOrganizers, w => Fixed(PostRoutes.FreezeOf(w.Year - 1))),
        new("GET", ReportRoutes.TalliesCsv, ReportReaders, w => Fixed($"{ReportRoutes.TalliesCsv}?community={Hub}&year={w.Year}")),
        new("GET", ReportRoutes.TalliesXlsx, ReportReaders, w => Fixed($"{ReportRoutes.TalliesXlsx}?community={Hub}&year={w.Year}")),
        new("GET", ReportRoutes.Months, ReportReaders, w => Fixed($"{ReportRoutes.Months}?community={Hub}&year={w.Year}")),
        new("POST", ReportRoutes.MyProofs, Members, w => Fixed(ReportRoutes.MyProofs, new IssueProofRequest(w.Year))),
        new("GET", ReportRoutes.MyProof, Members, w => Fixed(ReportRoutes.MyProofOf($"{ProofNumber.Prefix}{w.Year}0000000000"))),
        new("GET", ReportRoutes.Proof, Everyone, w => Fixed(ReportRoutes.ProofOf($"{ProofNumber.Prefix}{w.Year}0000000000"))),

        // The member registry: a grid organizer manages the members and registrations of their grid (the member and
        // the registration here live in g1); the whole roster's import and export are the community organizers'.
        new("POST", RegistryRoutes.Members, [GridOrganizerG1, CommunityOrganizer, OrganizerOfAnotherCommunity], _ => Fixed(RegistryRoutes.Members, new MemberRequest("孙立", "13700000001", "g1", "b1", ["Repair"], []))),
        new("PUT", RegistryRoutes.Member, [GridOrganizerG1, CommunityOrganizer], w => Fixed(MemberPath(RegistryRoutes.Member, w.MemberInG1),
            new MemberRequest("孙立", "13700000002", "g1", "b1", ["Repair"], [])))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "members are looked up in the organizer's own community, where this member id is unknown",
        },
        new("PUT", RegistryRoutes.MemberActive, [GridOrganizerG1, CommunityOrganizer], w => Fixed(MemberPath(RegistryRoutes.MemberActive, w.MemberInG1), new ActiveRequest(true)))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "members are looked up in the organizer's own community, where this member id is unknown",
        },
        new("POST", RegistryRoutes.ImportPreview, CommunityOrganizers, _ => Task.FromResult(new Target(RegistryRoutes.ImportPreview, TextBody: Csv, ContentType: "text/csv"))),
        new("POST", RegistryRoutes.Import, CommunityOrganizers, _ => Task.FromResult(new Target(RegistryRoutes.Import, TextBody: Csv, ContentType: "text/csv"))),
        new("GET", RegistryRoutes.ExportCsv, CommunityOrganizers, _ => Fixed(RegistryRoutes.ExportCsv)),
        new("GET", RegistryRoutes.ExportXlsx, CommunityOrganizers, _ => Fixed(RegistryRoutes.ExportXlsx)),
        new("GET", RegistryRoutes.RegistrationLink, Organizers, _ => Fixed(RegistryRoutes.RegistrationLink)),
        new("GET", RegistryRoutes.Registrations, Organizers, _ => Fixed(RegistryRoutes.Registrations)),
        new("POST", RegistryRoutes.Approve, [GridOrganizerG1, CommunityOrganizer], w => Fixed(RegistrationPath(RegistryRoutes.Approve, w.RegistrationId)))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "registrations are looked up in the organizer's own community, where this id is unknown",
        },
        new("POST", RegistryRoutes.Reject, [GridOrganizerG1, CommunityOrganizer], w => Fixed(RegistrationPath(RegistryRoutes.Reject, w.RegistrationId), new RejectRequest("信息不全")))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "registrations are looked up in the organizer's own community, where this id is unknown",
        },
        new("GET", RegistryRoutes.Register, Registrants, _ => Fixed(RegistryRoutes.Register)),
        new("POST", RegistryRoutes.Register, Registrants, _ => Fixed(RegistryRoutes.Register, new RegistrationRequest("李强", "13600000002", "g1", "b1", ["Repair"], [], null))),
        new("GET", RegistryRoutes.Registration, [Applicant], w => Fixed(RegistrationPath(RegistryRoutes.Registration, w.RegistrationId))),

        // The org tree is the whole community's: its community organizers keep it (another community's organizer
        // adds to their own tree; "g1" is unknown there, so renaming it is 404).
        new("POST", OrgTreeRoutes.Grids, CommunityOrganizers, _ => Fixed(OrgTreeRoutes.Grids, new PlaceRequest(null, "第五网格", "Grid 5"))),
        new("PUT", OrgTreeRoutes.Grid, [CommunityOrganizer], _ => Fixed(OrgTreeRoutes.GridOf("g1"), new PlaceRequest(null, "第一网格", "Grid 1")))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "grids are looked up in the organizer's own community, where g1 is unknown",
        },
        new("POST", OrgTreeRoutes.Buildings, [CommunityOrganizer], _ => Fixed(OrgTreeRoutes.BuildingsOf("g1"), new PlaceRequest(null, "13号楼", "Building 13")))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "grids are looked up in the organizer's own community, where g1 is unknown",
        },
        new("PUT", OrgTreeRoutes.Building, [CommunityOrganizer], _ => Fixed(OrgTreeRoutes.BuildingOf("g1", "b1"), new PlaceRequest(null, "1号楼", "Building 1")))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "grids are looked up in the organizer's own community, where g1 is unknown",
        },

        new("PUT", OrgTreeRoutes.MemberHouseholds, [GridOrganizerG1, CommunityOrganizer], w => Fixed(OrgTreeRoutes.MemberHouseholdsOf(w.MemberInG1), new HouseholdsRequest(["b1-101"])))
        {
            Hidden = [OrganizerOfAnotherCommunity],
            HiddenBecause = "members are looked up in the organizer's own community, where this member id is unknown",
        },

        new("GET", AdminRoutes.Communities, [Administrator], _ => Fixed(AdminRoutes.Communities)),
        new("POST", AdminRoutes.Communities, [Administrator], _ => Fixed(AdminRoutes.Communities, new CommunityRequest(null, "新桥社区", "Xinqiao"))),
        new("PUT", AdminRoutes.Community, [Administrator], _ => Fixed(AdminRoutes.CommunityOf(Hub), new CommunityRequest(null, "湖滨社区", "Hubin"))),
        new("POST", AdminRoutes.Organizers, [Administrator], _ => Fixed(AdminRoutes.OrganizersOf(Hub), new OrganizerRequest("周网格员", "13700000003", "g1"))),

        // Signing in needs no link (a wrong code is 400, too many codes 429); who you are needs one; a passkey is
        // added by someone signed in as a member, organizer or administrator.
        new("POST", SignInRoutes.Code, Everyone, _ => Fixed(SignInRoutes.Code, new CodeRequest("13800000001"))),
        new("POST", SignInRoutes.Verify, Everyone, _ => Fixed(SignInRoutes.Verify, new VerifyRequest("13800000001", "000000"))),
        new("GET", SignInRoutes.Session, Everyone.Remove(None), _ => Fixed(SignInRoutes.Session)),
        new("POST", SignInRoutes.SignOut, Everyone, _ => Fixed(SignInRoutes.SignOut)),
        new("POST", SignInRoutes.ResidentOrders, Everyone, _ => Fixed(SignInRoutes.ResidentOrders, new ResidentOrdersRequest("13800000001", "000000"))),
        new("POST", PasskeyRoutes.RegisterOptions, SignedIn, _ => Fixed(PasskeyRoutes.RegisterOptions)),
        new("POST", PasskeyRoutes.Register, SignedIn, _ => Fixed(PasskeyRoutes.Register)),
        new("POST", PasskeyRoutes.SignInOptions, Everyone, _ => Fixed(PasskeyRoutes.SignInOptions)),
        new("POST", PasskeyRoutes.SignIn, Everyone, _ => Fixed(PasskeyRoutes.SignIn)),
    ];

    /// <summary>One valid row, so an allowed caller's import does real work.</summary>
    private const string Csv = "姓名,手机号,网格,楼栋,服务类别,可服务时间\n吴敏,13700000004,第一网格,1号楼,维修,任何时间\n";

    private static Task<Target> Fixed(string path, object? body = null) => Task.FromResult(new Target(path, body));

    private static string MemberPath(string template, string memberId) => template.Replace("{memberId}", Uri.EscapeDataString(memberId), StringComparison.Ordinal);

    private static string RegistrationPath(string template, string registrationId) =>
        template.Replace("{registrationId}", Uri.EscapeDataString(registrationId), StringComparison.Ordinal);
}
