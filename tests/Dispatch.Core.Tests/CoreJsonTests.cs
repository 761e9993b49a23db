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
    }
}
