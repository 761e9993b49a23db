using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Registry;

namespace Dispatch.Core.Tests.Registry;

public class MemberFormTests
{
    private static readonly CommunityPlaces Places = new(
        "hubin", new HashSet<string> { "g1", "g2" }, new HashSet<(string, string)> { ("g1", "b1"), ("g1", "b2"), ("g2", "b4") });

    private static readonly MemberRequest Good = new(
        " 张伟 ", "139 0000 1234", "g1", "b2", ["Repair", "Visit"], [new SlotRequest("Saturday", 8, 12), new SlotRequest("Monday", 18, 21)]);

    private static Dictionary<string, string[]> ErrorsOf(Action act) =>
        new(Assert.Throws<ApiProblemException>(act).Problem.Errors!);

    [Fact]
    public void A_valid_form_gives_the_member_trimmed_with_a_bare_mobile_number_home_skills_and_slots()
    {
        var d = MemberForm.Validate(Good, Places);

        Assert.Equal(("张伟", "13900001234", new Location("hubin", "g1", "b2")), (d.Name, d.Phone, d.Home));
        Assert.Equal([ServiceCategory.Repair, ServiceCategory.Visit], d.Skills.Order());
        Assert.True(d.Availability.IsAvailableAt(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)))); // Saturday 09:00
        Assert.False(d.Availability.IsAvailableAt(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)))); // Tuesday
        Assert.Equal(Availability.AnyTime.Slots, MemberForm.Validate(Good with { Availability = [] }, Places).Availability.Slots);
        Assert.Equal("13912345678", MemberForm.Validate(Good with { Phone = "+86 139-1234-5678" }, Places).Phone);
    }

    [Theory]
    [InlineData("1390000123")] // 10 digits
    [InlineData("139000012345")] // 12 digits
    [InlineData("12900001234")] // not a mobile prefix
    [InlineData("0510-12345678")] // a landline: members are reached on their mobile
    [InlineData("１３９００００１２３４")] // full-width digits
    [InlineData("")]
    [InlineData(null)]
    public void A_phone_must_be_an_11_digit_mainland_mobile(string? phone)
    {
        var errors = ErrorsOf(() => MemberForm.Validate(Good with { Phone = phone }, Places));

        Assert.Equal(["phone"], errors.Keys);
        Assert.Contains("11 位手机号码", errors["phone"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("张\u202E伟")]
    [InlineData("张\n伟")]
    [InlineData("这是一个超过四十个字的名字这是一个超过四十个字的名字这是一个超过四十个字的名字这是一个超过四十个字的名字")]
    public void A_name_follows_the_free_text_rules(string name)
    {
        Assert.Equal(["name"], ErrorsOf(() => MemberForm.Validate(Good with { Name = name }, Places)).Keys);
    }

    [Fact]
    public void Grid_and_building_must_be_in_the_communitys_directory_and_belong_together()
    {
        Assert.Equal(["gridId"], ErrorsOf(() => MemberForm.Validate(Good with { GridId = "g9" }, Places)).Keys);
        Assert.Equal(["buildingId"], ErrorsOf(() => MemberForm.Validate(Good with { BuildingId = "b4" }, Places)).Keys); // b4 is g2's
        Assert.Equal(["gridId"], ErrorsOf(() => MemberForm.Validate(Good with { GridId = "../g1" }, Places)).Keys);
    }

    [Theory]
    [InlineData("repair")] // names are exact
    [InlineData("Repair,Visit")]
    [InlineData("1")]
    [InlineData("Cooking")]
    [InlineData(null)]
    public void Skills_are_exact_names_from_the_category_menu(string? skill)
    {
        var errors = ErrorsOf(() => MemberForm.Validate(Good with { Skills = ["Repair", skill] }, Places));

        Assert.Contains("服务类别", errors["skills"][0], StringComparison.Ordinal);
        Assert.Equal(["skills"], ErrorsOf(() => MemberForm.Validate(Good with { Skills = [] }, Places)).Keys);
    }

    [Theory]
    [InlineData("Funday", 8, 12)]
    [InlineData("Monday", 12, 8)]
    [InlineData("Monday", -1, 8)]
    [InlineData("Monday", 8, 25)]
    [InlineData("1", 8, 12)]
    public void Each_availability_slot_is_a_day_and_hours_from_before_to(string day, int from, int to)
    {
        Assert.Equal(["availability"], ErrorsOf(() => MemberForm.Validate(Good with { Availability = [new SlotRequest(day, from, to)] }, Places)).Keys);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once_and_a_missing_form_is_a_body_error()
    {
        var errors = ErrorsOf(() => MemberForm.Validate(new MemberRequest(null, "x", null, null, null, null), Places));

        Assert.Equal(["gridId", "name", "phone", "skills"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["body"], ErrorsOf(() => MemberForm.Validate((MemberRequest?)null, Places)).Keys);
    }

    [Fact]
    public void A_registration_takes_an_optional_pledge_of_at_most_200_characters_on_several_lines()
    {
        var form = new RegistrationRequest("李静", "13800000001", "g2", "b4", ["Tutoring"], null, "  每月为社区服务两次。\n亮身份、亮承诺。 ");
        var (details, pledge) = MemberForm.Validate(form, Places);

        Assert.Equal(("李静", "每月为社区服务两次。\n亮身份、亮承诺。"), (details.Name, pledge));
        Assert.Null(MemberForm.Validate(form with { Pledge = " " }, Places).Pledge);
        Assert.Equal(["pledge"], ErrorsOf(() => MemberForm.Validate(form with { Pledge = new string('诺', 201) }, Places)).Keys);
        Assert.Equal(["pledge"], ErrorsOf(() => MemberForm.Validate(form with { Pledge = "承诺\u202E" }, Places)).Keys);
    }
}
