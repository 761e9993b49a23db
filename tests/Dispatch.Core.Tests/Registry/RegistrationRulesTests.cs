using Dispatch.Core.Api;
using Dispatch.Core.Registry;

namespace Dispatch.Core.Tests.Registry;

public class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly CommunityPlaces Places = new("hubin", new HashSet<string> { "g1" }, new HashSet<(string, string)> { ("g1", "b1") });

    private static readonly Registration Pending = new(
        "r-1", MemberForm.Validate(new MemberRequest("王芳", "13700000001", "g1", "b1", ["Visit"], null), Places), "亮承诺", RegistrationStatus.Pending, Now);

    [Fact]
    public void Approving_names_the_member_once_and_approving_again_changes_nothing()
    {
        var approved = RegistrationRules.Approve(Pending, "m-1", "org-wang", Now.AddHours(1))!;

        Assert.Equal((RegistrationStatus.Approved, "m-1", "org-wang", Now.AddHours(1)), (approved.Status, approved.MemberId, approved.DecidedBy, approved.DecidedAt));
        Assert.Null(RegistrationRules.Approve(approved, "m-2", "org-li", Now.AddHours(2)));
        Assert.Equal("registration-decided", Code(() => RegistrationRules.Reject(approved, "迟到", "org-li", Now)));
        Assert.Equal("m-1", approved.Details.ToMember(approved.MemberId!).MemberId);
        Assert.True(approved.Details.ToMember("m-1").Active);
    }

    [Fact]
    public void A_rejection_keeps_its_reason_a_second_rejection_changes_nothing_and_it_cannot_then_be_approved()
    {
        var rejected = RegistrationRules.Reject(Pending, "请到社区核实党组织关系。", "org-wang", Now)!;

        Assert.Equal((RegistrationStatus.Rejected, "请到社区核实党组织关系。"), (rejected.Status, rejected.Reason));
        Assert.Null(RegistrationRules.Reject(rejected, "another", "org-li", Now));
        Assert.Equal("registration-decided", Code(() => RegistrationRules.Approve(rejected, "m-1", "org-li", Now)));
    }

    [Fact]
    public void A_rejected_applicant_may_register_again_which_makes_the_same_registration_pending_with_the_new_details()
    {
        var rejected = RegistrationRules.Reject(Pending, "网格填错了", "org-wang", Now)!;
        var again = RegistrationRules.Resubmit(rejected, Pending.Details with { Name = "王芳芳" }, null, Now.AddDays(1))!;

        Assert.Equal(("r-1", RegistrationStatus.Pending, "王芳芳", (string?)null), (again.RegistrationId, again.Status, again.Details.Name, again.Reason));
        Assert.Null(RegistrationRules.Resubmit(Pending, Pending.Details, null, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_rejection_needs_a_reason_the_applicant_can_read(string? reason)
    {
        var problem = Assert.Throws<ApiProblemException>(() => RegistrationRules.RejectionReason(new RejectRequest(reason))).Problem;

        Assert.Equal(["reason"], problem.Errors!.Keys);
        Assert.Equal("不符合条件", RegistrationRules.RejectionReason(new RejectRequest(" 不符合条件 ")));
    }

    private static string Code(Action act) => Assert.Throws<ApiProblemException>(act).Problem.Type.Split('/')[^1];
}
