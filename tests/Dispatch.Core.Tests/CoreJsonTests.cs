using System.Text.Json;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Core.Tests.Orders;

namespace Dispatch.Core.Tests;

public class CoreJsonTests
{
    [Fact]
    public void State_events_and_effects_survive_a_round_trip_through_storage_json()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        s.Apply(new HoursReported("m1", ServiceHours.FromHours(2.5m)));

        var state = JsonSerializer.Deserialize<OrderState>(JsonSerializer.Serialize(s.State, CoreJson.Options), CoreJson.Options)!;
        Assert.Equal((s.State!.Status, s.State.Hours, s.State.MemberId, s.State.Request), (state.Status, state.Hours, state.MemberId, state.Request));

        OrderEvent e = new HoursReported("m1", ServiceHours.FromHours(2.5m));
        Assert.Equal(e, JsonSerializer.Deserialize<OrderEvent>(JsonSerializer.Serialize(e, CoreJson.Options), CoreJson.Options));

        var effects = s.Last.Effects;
        var back = JsonSerializer.Deserialize<OrderEffect[]>(JsonSerializer.Serialize(effects.ToArray(), CoreJson.Options), CoreJson.Options)!;
        Assert.Equal(effects.Select(x => x.Key), back.Select(x => x.Key));
        Assert.Equal(effects.OfType<ScheduleTimer>(), back.OfType<ScheduleTimer>());

        // The local host's own outbox entry: the timers it lists come back as they were, with their due instants.
        OrderEffect drop = new DropTimers("o1", 4, [.. effects.OfType<ScheduleTimer>(), new ScheduleTimer("o1", TimerKind.OfferDeadline, 1, OrderScenario.Start.ToOffset(TimeSpan.FromHours(8)).AddHours(2))]);
        var dropBack = Assert.IsType<DropTimers>(JsonSerializer.Deserialize<OrderEffect>(JsonSerializer.Serialize(drop, CoreJson.Options), CoreJson.Options));
        Assert.Equal(((DropTimers)drop).Timers.AsEnumerable(), dropBack.Timers.AsEnumerable());
        Assert.Equal(drop.Key, dropBack.Key);
    }

    [Theory]
    [InlineData("\"Service,Wish\"")]
    [InlineData("\"Service, Wish\"")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\" Wish\"")]
    [InlineData("\"Wishes\"")]
    public void Enums_are_read_only_from_one_of_their_names(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OrderKind>(json, CoreJson.Options));
        Assert.Equal(OrderKind.Wish, JsonSerializer.Deserialize<OrderKind>("\"Wish\"", CoreJson.Options));
        Assert.Equal("\"Wish\"", JsonSerializer.Serialize(OrderKind.Wish, CoreJson.Options));
    }

    [Theory]
    [InlineData("Service,Wish", false)]
    [InlineData("errand, repair", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("wish", true)]
    [InlineData("Wish", true)]
    public void Form_fields_take_one_enum_name_only(string kind, bool accepted)
    {
        var form = new Dispatch.Core.Api.PlaceOrderRequest(kind, "Repair", "c1", "g1", "b1", null, false, null, "王秀英", "13812345678", "1幢 201", "水龙头漏水");
        var errors = Assert.Throws<Dispatch.Core.Api.ApiProblemException>(() => Dispatch.Core.Api.OrderForm.Validate(form with { Category = "errand, repair" }, OrderScenario.Start));
        Assert.NotNull(errors.Problem.Errors?["category"]);
        if (accepted)
        {
            Assert.Equal(OrderKind.Wish, Dispatch.Core.Api.OrderForm.Validate(form, OrderScenario.Start).Request.Kind);
        }
        else
        {
            var problem = Assert.Throws<Dispatch.Core.Api.ApiProblemException>(() => Dispatch.Core.Api.OrderForm.Validate(form, OrderScenario.Start)).Problem;
            Assert.NotNull(problem.Errors?["kind"]);
        }
    }
}
