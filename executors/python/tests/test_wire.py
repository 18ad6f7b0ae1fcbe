"""How values leave the executor: a double MT5 hands over that is not a number (NaN, infinity) must not stop the
message it is in. json.dumps(allow_nan=False) raised on it, so the result was never sent, the command stayed pending
at the gateway and was handed out, and executed, again."""
import unittest

from ordergate_mt5 import wire


class Numbers(unittest.TestCase):

    def test_a_double_is_written_to_eight_places_and_never_minus_zero(self):
        self.assertEqual('{"price":0.3,"lots":0.0}', wire.dumps({"price": wire.num(0.1 + 0.2), "lots": wire.num(-0.0)}))

    def test_a_double_that_is_no_number_is_written_as_no_value(self):
        for value in (float("nan"), float("inf"), float("-inf")):
            self.assertIsNone(wire.num(value), value)
            self.assertEqual('{"price":null}', wire.dumps({"price": wire.num(value)}))


if __name__ == "__main__":
    unittest.main()
