package ua.dnipro.contactcenter.testing;

/** Changes an analyst might make to the routing table, for tests. */
public final class ClassifierFixtures {

  private ClassifierFixtures() {
  }

  /** The routing table with a new issue type first in WATER: a leaking fire hydrant, 24 hours. */
  public static String withHydrantLeak(String routingTable) {
    return routingTable.replace("<rule id=\"Rule_Water_NoWater\">", """
        <rule id="Rule_Water_HydrantLeak">
          <inputEntry id="Rule_Water_HydrantLeak_in1"><text>"WATER"</text></inputEntry>
          <inputEntry id="Rule_Water_HydrantLeak_in2"><text>"HYDRANT_LEAK"</text></inputEntry>
          <inputEntry id="Rule_Water_HydrantLeak_in3"><text>-</text></inputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out1"><text>"water-utility"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out2"><text>"SHORT"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out3"><text>"Водопостачання та водовідведення"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out4"><text>"Water supply and sewerage"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out5"><text>"Тече пожежний гідрант"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out6"><text>"Leaking fire hydrant"</text></outputEntry>
          <outputEntry id="Rule_Water_HydrantLeak_out7"><text>false</text></outputEntry>
        </rule>
        <rule id="Rule_Water_NoWater">""");
  }
}
