package ua.dnipro.contactcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExpressionKeysTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void findsAnExpressionKeyAtAnyDepthAndNamesItsPath() throws Exception {
    assertThat(ExpressionKeys.find(JSON.readTree("{\"orQueries\":[{\"a\":1},{\"dueAfterExpression\":\"x\"}]}")))
        .contains("orQueries[1].dueAfterExpression");
    assertThat(ExpressionKeys.find(JSON.readTree("{\"a\":{\"b\":[[{\"CANDIDATEGROUPEXPRESSION\":1}]]}}")))
        .contains("a.b[0][0].CANDIDATEGROUPEXPRESSION");
  }

  @Test
  void valuesThatLookLikeExpressionsAreOnlyValues() throws Exception {
    assertThat(ExpressionKeys.find(JSON.readTree(
        "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":\"${now()}\"}],\"expressionless\":1}")))
        .isEmpty();
  }
}
