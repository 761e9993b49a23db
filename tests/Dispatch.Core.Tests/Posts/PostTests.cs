using System.Collections.Immutable;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;

namespace Dispatch.Core.Tests.Posts;

public class PostTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CreatePostRequest Good = new("社区文明劝导岗", "周末上午路口劝导", 5, new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31), "Other");

    private static readonly Member Zhang = new("m1", "张伟", "13900000001", new Location("c1", "g2", "b5"),
        ImmutableHashSet<ServiceCategory>.Empty, Availability.AnyTime);

    private static Dictionary<string, string[]> ErrorsOf(Action act) =>
        new(Assert.Throws<ApiProblemException>(act).Problem.Errors!);

    [Fact]
    public void A_valid_form_makes_a_post_whose_claims_count_in_its_start_year()
    {
        var post = PostForm.Validate(Good with { EndsOn = new DateOnly(2027, 2, 28) }, "p1", "c1", "org-wang", Now);

        Assert.Equal(("社区文明劝导岗", 5, 2026, ServiceCategory.Other), (post.TitleZh, post.Capacity, post.QuotaYear, post.Category));
        Assert.Equal(2026, PostClaim.Of(post, "m1", 3, Now.AddYears(1)).Year);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    [InlineData(null)]
    public void Capacity_is_1_to_500(int? capacity) =>
        Assert.Contains("capacity", ErrorsOf(() => PostForm.Validate(Good with { Capacity = capacity }, "p1", "c1", "o", Now)).Keys);

    [Fact]
    public void Bad_fields_are_named()
    {
        var errors = ErrorsOf(() => PostForm.Validate(
            new CreatePostRequest(" ", new string('x', 501), 5, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), "Cooking"), "p1", "c1", "o", Now));
        Assert.Equal(["category", "description", "endsOn", "titleZh"], errors.Keys.Order());
    }

    [Fact]
    public void A_shift_is_a_service_record_of_the_post_keyed_by_post_member_and_day()
    {
        var post = PostForm.Validate(Good, "p1", "c1", "org-wang", Now);

        var record = PostShift.Record(post, Zhang, new ShiftRequest("m1", new DateOnly(2026, 3, 7), 2.5m), Now);

        Assert.Equal("p1~m1~20260307", record.RecordId);
        Assert.Equal(("p1", 5, new DateOnly(2026, 3, 7), ConfirmedBy.Organizer, "g2"), (record.PostId, record.HalfHours, record.ServedOn, record.ConfirmedBy, record.Location.GridId));
        Assert.False(record.IsWish);
    }

    [Theory]
    [InlineData("2026-02-28", 2, "date")]  // before the post
    [InlineData("2026-03-11", 2, "date")]  // tomorrow
    [InlineData("2026-03-07", 0.3, "hours")]
    [InlineData("2026-03-07", 12.5, "hours")]
    public void A_shift_must_fall_in_the_period_not_in_the_future_with_valid_hours(string date, double hours, string field)
    {
        var post = PostForm.Validate(Good, "p1", "c1", "org-wang", Now);
        Assert.Equal([field], ErrorsOf(() => PostShift.Record(post, Zhang, new ShiftRequest("m1", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), (decimal)hours), Now)).Keys);
    }
}
