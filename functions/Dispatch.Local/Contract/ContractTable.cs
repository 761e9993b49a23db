using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Dispatch.Core.Reports;
using static Dispatch.Local.Contract.Answer;

namespace Dispatch.Local.Contract;

/// <summary>One route of the contract as the OpenAPI document describes it: its operation id (the Azure
/// host's function name where there is one), a tag, a summary, what it answers on success and the problem
/// statuses it can answer.</summary>
public sealed record ContractOperation(string Method, string Route, string Name, string Tag, string Summary, Answer Ok, params int[] Problems);

/// <summary>A success answer: its statuses (e.g. 201, and 200 for a replay) and body; no type where the body
/// depends on the caller's link (the order views) or is not a single shape.</summary>
public sealed record Answer(int[] Statuses, Type? Body = null, string ContentType = "application/json")
{
    public static Answer Of<T>(params int[] statuses) => new(statuses.Length == 0 ? [200] : statuses, typeof(T));

    public static Answer Untyped(params int[] statuses) => new(statuses.Length == 0 ? [200] : statuses);

    public static Answer File(string contentType) => new([200], typeof(byte[]), contentType);
}

/// <summary>Every /api route both hosts serve, in one table: the local host's endpoints get their OpenAPI
/// name, summary and problem responses from here (<see cref="ContractMetadata"/>), so the endpoint files stay
/// as they are.</summary>
public static class ContractTable
{
    // Problem statuses: 400 a bad field or route value; 401 no or a broken link; 403 a link of the wrong role,
    // person or community (or an inactive member); 404 unknown id; 409 the state refuses it; 422 a reused
    // Idempotency-Key; 429 too many requests from one client; 503 storage unavailable (with Retry-After).
    private static readonly int[] Read = [400, 401, 403, 503];
    private static readonly int[] ReadOne = [400, 401, 403, 404, 503];
    private static readonly int[] Act = [400, 401, 403, 404, 409, 503];
    private static readonly int[] Upload = [400, 401, 403, 415, 503];

    public static IReadOnlyList<ContractOperation> Operations { get; } =
    [
        new("GET", ApiContract.Health, "Health", "Health", "Liveness: the host answers; nothing else is checked.", Untyped()),
        new("GET", Routes.Communities, "Communities", "Directory", "Communities with their grids and buildings, for the order form.", Of<IReadOnlyList<CommunityView>>(), 503),
        new("POST", Routes.Orders, "PlaceOrder", "Orders", "Place a service order or a micro-wish; the same Idempotency-Key answers the first order.", Of<PlaceOrderResponse>(201, 200), 400, 422, 429, 503),
        new("GET", Routes.Order, "GetOrder", "Orders", "The order as the caller's link may see it.", Untyped(), ReadOne),
        new("POST", Routes.Cancel, "CancelOrder", "Orders", "The resident cancels, before the service is reported done.", Untyped(), Act),
        new("POST", Routes.Confirm, "ConfirmOrder", "Orders", "The resident (or an organizer) confirms the service and rates it; writes the service record.", Untyped(), Act),
        new("POST", Routes.Dispute, "DisputeOrder", "Orders", "The resident says the service was not done: back to the member.", Untyped(), Act),
        new("POST", Routes.Accept, "AcceptOffer", "Orders", "The offered member accepts.", Untyped(), Act),
        new("POST", Routes.Decline, "DeclineOffer", "Orders", "The offered member declines; the order goes to the next member.", Untyped(), Act),
        new("POST", Routes.Claim, "ClaimWish", "Orders", "A member claims a micro-wish from the board; the first claim wins.", Untyped(), Act),
        new("POST", Routes.Hours, "ReportHours", "Orders", "The assigned member reports the hours served.", Untyped(), Act),
        new("PUT", Routes.Photo, "PutOrderPhoto", "Orders", "The resident adds or replaces the order's one photo (JPEG, PNG or WebP, at most 8 MB and 1600 px on the long side; metadata is stripped) until it is closed.", Of<PhotoView>(), 400, 401, 403, 404, 409, 413, 415, 503),
        new("GET", Routes.Photo, "GetOrderPhoto", "Orders", "The order's photo, for its resident, its organizers and the member who accepted it.", Answer.File("image/jpeg"), ReadOne),
        new("POST", Routes.Dispatch, "DispatchByHand", "Orders", "An organizer offers the order to a member of their choice.", Untyped(), Act),
        new("GET", Routes.Inbox, "MemberInbox", "Members", "The member's offers, assignments, past orders and notices.", Of<InboxView>(), Read),
        new("GET", Routes.Board, "WishBoard", "Members", "Open micro-wishes of the member's community.", Of<IReadOnlyList<BoardItem>>(), Read),
        new("GET", Routes.MyRecords, "MyRecords", "Members", "The member's service records and hours of a year.", Of<MyRecordsView>(), Read),
        new("POST", Routes.OrganizerOrders, "PlaceOrderForResident", "Organizer", "代下单: an organizer places an order for a resident (a grid organizer: in their grid); the order records who placed it; the answer carries the resident's tracking link. The same Idempotency-Key rules as PlaceOrder.", Of<PlaceOrderResponse>(201, 200), 400, 401, 403, 422, 503),
        new("GET", Routes.OrganizerOrders, "OrganizerOrders", "Organizer", "The community's open orders, optionally of one status.", Of<IReadOnlyList<OrganizerOrderView>>(), Read),
        new("GET", DeskRoutes.Candidates, "OrderCandidates", "Organizer", "Members to dispatch an order to by hand (?q= name or service, &grid=, &available=true), ranked and explained by the matching.", Of<IReadOnlyList<CandidateView>>(), ReadOne),
        new("GET", DeskRoutes.History, "OrderHistory", "Organizer", "Closed orders, newest first, by grid, category, status, China dates of placing and reference; paged (size up to 50).", Of<HistoryPage>(), Read),
        new("POST", DeskRoutes.Contact, "OrderContact", "Organizer", "The resident's contact on an escalated order, with a reason; the view is logged (409 not-escalated otherwise).", Of<ContactView>(), Act),
        new("GET", DeskRoutes.ContactLog, "OrderContactLog", "Organizer", "Who viewed the resident's contact, when and why, newest first.", Of<IReadOnlyList<ContactAccessView>>(), ReadOne),
        new("GET", Routes.OrganizerMembers, "OrganizerMembers", "Organizer", "Members with skills, hours this year and open assignments.", Of<IReadOnlyList<OrganizerMemberView>>(), Read),
        new("GET", Routes.OrganizerNotices, "OrganizerNotices", "Organizer", "Escalations and the daily escalation digest.", Of<IReadOnlyList<NoticeView>>(), Read),
        new("GET", Routes.DeadLetters, "OrganizerDeadLetters", "Organizer", "Offers that could not be delivered, with the reason.", Of<IReadOnlyList<DeadLetterView>>(), Read),
        new("POST", Routes.ResubmitDeadLetter, "ResubmitDeadLetter", "Organizer", "Send an undeliverable offer again.", Of<DeadLetterResubmitted>(), Act),
        new("GET", ChannelRoutes.MemberChannels, "MemberChannels", "Channels", "The member's channels: email address, SMS, phones with push.", Of<ChannelSettingsView>(), Read),
        new("PUT", ChannelRoutes.MemberChannels, "SetMemberChannels", "Channels", "The member sets an email address (empty: none) and SMS on or off.", Of<ChannelSettingsView>(), Read),
        new("POST", ChannelRoutes.MemberPush, "AddMemberPushSubscription", "Channels", "Push to this phone of the member (the browser's PushSubscription); 404 when push is not set up.", Of<ChannelSettingsView>(), ReadOne),
        new("DELETE", ChannelRoutes.MemberPush, "RemoveMemberPushSubscription", "Channels", "No more push to this phone of the member ({endpoint} in the body); 204 also when it was already gone.", Untyped(204), Read),
        new("GET", ChannelRoutes.OrganizerChannels, "OrganizerChannels", "Channels", "The organizer's channels: email address, SMS, phones with push.", Of<ChannelSettingsView>(), Read),
        new("PUT", ChannelRoutes.OrganizerChannels, "SetOrganizerChannels", "Channels", "The organizer sets an email address (empty: none) and SMS on or off.", Of<ChannelSettingsView>(), Read),
        new("POST", ChannelRoutes.OrganizerPush, "AddOrganizerPushSubscription", "Channels", "Push to this phone of the organizer (the browser's PushSubscription); 404 when push is not set up.", Of<ChannelSettingsView>(), ReadOne),
        new("DELETE", ChannelRoutes.OrganizerPush, "RemoveOrganizerPushSubscription", "Channels", "No more push to this phone of the organizer ({endpoint} in the body); 204 also when it was already gone.", Untyped(204), Read),
        new("GET", ChannelRoutes.PushKey, "PushKey", "Channels", "The public VAPID key pages subscribe with; 404 when push is not set up.", Of<PushKeyView>(), 404, 503),
        new("GET", ChannelRoutes.Deliveries, "OrganizerDeliveries", "Channels", "The community's deliveries (push, email, SMS) with attempts and outcome; ?outcome=Failed lists the dead letters.", Of<IReadOnlyList<DeliveryView>>(), Read),
        new("POST", PostRoutes.Posts, "CreatePost", "Posts", "An organizer creates a volunteer post.", Of<PostView>(201), Read),
        new("GET", PostRoutes.Posts, "ListPosts", "Posts", "The community's volunteer posts with places taken.", Of<IReadOnlyList<PostView>>(), Read),
        new("POST", PostRoutes.Claim, "ClaimPost", "Posts", "A member claims a place on a post.", Of<PostClaimResponse>(201), Act),
        new("POST", PostRoutes.Shifts, "RecordShift", "Posts", "An organizer records a member's shift on a post; credited once.", Of<ShiftResponse>(201, 200), Act),
        new("GET", PostRoutes.Tallies, "Tallies", "Tallies", "Live annual tallies and roll-ups per community, grid and building (a grid organizer: their grid; an administrator: ?community=).", Untyped(), Read),
        new("GET", PostRoutes.MyTally, "MyTally", "Tallies", "The member's own annual tally.", Untyped(), Read),
        new("GET", PostRoutes.Assessment, "Assessment", "Tallies", "The year frozen on 1 January and its late corrections.", Untyped(), ReadOne),
        new("POST", PostRoutes.Freeze, "FreezeYear", "Tallies", "Freeze a past year now; idempotent.", Untyped(201, 200), Act),
        new("GET", ReportRoutes.TalliesCsv, "ExportTalliesCsv", "Reports", "The year's tallies as CSV (UTF-8 with BOM).", File("text/csv"), Read),
        new("GET", ReportRoutes.TalliesXlsx, "ExportTalliesXlsx", "Reports", "The year's tallies as an XLSX workbook.", File("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Read),
        new("GET", ReportRoutes.Months, "TallyMonths", "Reports", "Hours, services and wishes per China month.", Untyped(), Read),
        new("POST", ReportRoutes.MyProofs, "IssueProof", "Reports", "Issue a numbered service-hours proof of the member's year.", Untyped(201), Read),
        new("GET", ReportRoutes.MyProof, "MyProof", "Reports", "One of the member's own proofs, as printed.", Untyped(), ReadOne),
        new("GET", ReportRoutes.Proof, "VerifyProof", "Reports", "Verify a proof by its number (anyone).", Untyped(), 400, 404, 429, 503),
        new("POST", RegistryRoutes.Members, "AddMember", "Registry", "An organizer adds a member; the same phone again answers 409 with the member's id.", Of<MemberRecordView>(201), Act),
        new("PUT", RegistryRoutes.Member, "EditMember", "Registry", "An organizer edits a member's details, skills and availability.", Of<MemberRecordView>(), Act),
        new("PUT", RegistryRoutes.MemberActive, "SetMemberActive", "Registry", "Deactivate or reactivate a member; records stay.", Of<MemberRecordView>(), Act),
        new("POST", RegistryRoutes.ImportPreview, "PreviewMemberImport", "Registry", "Preview a member list (CSV or XLSX): counts and an error per bad row; stores nothing.", Of<ImportReport>(), Upload),
        new("POST", RegistryRoutes.Import, "ImportMembers", "Registry", "Import a member list (CSV or XLSX), whole or a slice of its valid rows (skip, take) so a page can show progress; the same file again adds nobody.", Of<ImportReport>(), Upload),
        new("GET", RegistryRoutes.ExportCsv, "ExportMembersCsv", "Registry", "The community's members as CSV (UTF-8 with BOM) in the import's columns.", File("text/csv"), Read),
        new("GET", RegistryRoutes.ExportXlsx, "ExportMembersXlsx", "Registry", "The community's members as an XLSX workbook in the import's columns.", File("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Read),
        new("GET", RegistryRoutes.RegistrationLink, "RegistrationLink", "Registry", "The community's registration link and its QR code (SVG) to print.", Of<RegistrationLinkView>(), Read),
        new("GET", RegistryRoutes.Registrations, "ListRegistrations", "Registry", "The community's registrations (报到), optionally of one status.", Of<IReadOnlyList<RegistrationView>>(), Read),
        new("POST", RegistryRoutes.Approve, "ApproveRegistration", "Registry", "Approve a registration: the member is active and matched at once.", Of<RegistrationView>(), Act),
        new("POST", RegistryRoutes.Reject, "RejectRegistration", "Registry", "Reject a registration with a reason the applicant reads.", Of<RegistrationView>(), Act),
        new("GET", RegistryRoutes.Register, "RegistrationForm", "Registry", "The community's grids and buildings for the registration form.", Of<CommunityView>(), ReadOne),
        new("POST", RegistryRoutes.Register, "Register", "Registry", "A member registers through the community's registration link; pending until approved.", Of<RegistrationReceipt>(201, 200), Act),
        new("POST", SignInRoutes.Code, "RequestSignInCode", "SignIn", "Send a one-time code to a mobile number; the same 202 whether or not anyone has it.", Of<CodeSent>(202), 400, 429, 503),
        new("POST", SignInRoutes.Verify, "VerifySignInCode", "SignIn", "Sign in with the code: sets the session cookie; 409 lists the roles to choose from.", Of<SessionView>(), 400, 403, 409, 503),
        new("GET", SignInRoutes.Session, "GetSession", "SignIn", "Who the session (or link) is and their home page.", Of<SessionView>(), 401),
        new("POST", SignInRoutes.SignOut, "SignOut", "SignIn", "End the session: the cookie is cleared.", Untyped(204)),
        new("POST", SignInRoutes.ResidentOrders, "FindResidentOrders", "SignIn", "A resident's orders by phone and code, with tracking links.", Of<IReadOnlyList<ResidentOrderItem>>(), 400, 503),
        new("POST", PasskeyRoutes.RegisterOptions, "PasskeyRegisterOptions", "SignIn", "The options to create a passkey for the signed-in person.", Of<PasskeyOptions>(), 401, 403, 503),
        new("POST", PasskeyRoutes.Register, "RegisterPasskey", "SignIn", "Store the passkey the browser created for the signed-in person.", Of<PasskeyRegistered>(201), 400, 401, 403, 503),
        new("POST", PasskeyRoutes.SignInOptions, "PasskeySignInOptions", "SignIn", "The options to sign in with a passkey (sealed; nothing is stored).", Of<PasskeyOptions>()),
        new("POST", PasskeyRoutes.SignIn, "PasskeySignIn", "SignIn", "Sign in with a passkey: sets the same session cookie as a code.", Of<SessionView>(), 400, 403, 503),
        new("GET", RegistryRoutes.Registration, "RegistrationStatus", "Registry", "The applicant's own registration and its status.", Of<RegistrationStatusView>(), ReadOne),
        new("GET", AdminRoutes.Communities, "AdminCommunities", "Admin", "Every community with its grids and organizers (district administrator).", Of<IReadOnlyList<AdminCommunityView>>(), Read),
        new("POST", AdminRoutes.Communities, "AdminAddCommunity", "Admin", "Add a community; its id is made when left out, 409 place-exists when taken.", Of<AdminCommunityView>(201), Act),
        new("PUT", AdminRoutes.Community, "AdminRenameCommunity", "Admin", "Rename a community; its id stays.", Of<AdminCommunityView>(), Act),
        new("POST", OrgTreeRoutes.Grids, "AddGrid", "OrgTree", "A community organizer adds a grid; its id is made when left out, 409 place-exists when taken.", Of<CommunityView>(201), Act),
        new("PUT", OrgTreeRoutes.Grid, "RenameGrid", "OrgTree", "A community organizer renames a grid.", Of<CommunityView>(), Act),
        new("POST", OrgTreeRoutes.Buildings, "AddBuilding", "OrgTree", "A community organizer adds a building to a grid; building ids are unique in the community.", Of<CommunityView>(201), Act),
        new("PUT", OrgTreeRoutes.Building, "RenameBuilding", "OrgTree", "A community organizer renames a building.", Of<CommunityView>(), Act),
        new("PUT", OrgTreeRoutes.MemberHouseholds, "SetMemberHouseholds", "OrgTree", "Link a member to households (党员中心户); matching offers their orders to them first.", Of<HouseholdsView>(), Act),
        new("POST", AdminRoutes.Organizers, "AdminAddOrganizer", "Admin", "Add a community organizer, or a grid organizer with a grid; answers their link.", Of<OrganizerAdded>(201), Act),
    ];

    public static ContractOperation? Find(string method, string route) =>
        Operations.FirstOrDefault(o => o.Method == method && Same(o.Route, route));

    private static bool Same(string a, string b) => string.Equals(a.Trim('/'), b.Trim('/'), StringComparison.OrdinalIgnoreCase);
}
