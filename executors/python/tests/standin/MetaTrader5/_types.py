"""The named tuples the MetaTrader5 package returns, with MetaQuotes' documented field names in their order."""
from collections import namedtuple

TradeRequest = namedtuple("TradeRequest", "action magic order symbol volume price stoplimit sl tp deviation type "
                                          "type_filling type_time expiration comment position position_by")

OrderSendResult = namedtuple("OrderSendResult", "retcode deal order volume price bid ask comment request_id "
                                                "retcode_external request")

TradePosition = namedtuple("TradePosition", "ticket time time_msc time_update time_update_msc type magic identifier "
                                            "reason volume price_open sl tp price_current swap profit symbol comment "
                                            "external_id")

TradeDeal = namedtuple("TradeDeal", "ticket order time time_msc type entry magic position_id reason volume price "
                                    "commission swap profit fee symbol comment external_id")

AccountInfo = namedtuple("AccountInfo", "login trade_mode leverage limit_orders margin_so_mode trade_allowed "
                                        "trade_expert margin_mode currency_digits fifo_close balance credit profit "
                                        "equity margin margin_free margin_level margin_so_call margin_so_so "
                                        "margin_initial margin_maintenance assets liabilities commission_blocked name "
                                        "server currency company")

Tick = namedtuple("Tick", "time bid ask last volume time_msc flags volume_real")

# The package's SymbolInfo has about a hundred fields; these are the ones trading code reads, in the package's order.
SymbolInfo = namedtuple("SymbolInfo", "custom chart_mode select visible digits spread spread_float trade_mode "
                                      "trade_exemode filling_mode order_mode bid ask last point trade_tick_value "
                                      "trade_tick_size trade_contract_size volume_min volume_max volume_step "
                                      "currency_base currency_profit currency_margin description name path")

TerminalInfo = namedtuple("TerminalInfo", "community_account community_connection connected dlls_allowed "
                                          "trade_allowed tradeapi_disabled email_enabled ftp_enabled "
                                          "notifications_enabled mqid build maxbars codepage ping_last "
                                          "community_balance retransmission company name language path data_path "
                                          "commondata_path")
