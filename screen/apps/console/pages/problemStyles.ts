// element-plus styles the problem ledger and meeting pages use beyond the console's own.
import 'element-plus/es/components/descriptions/style/css';
import 'element-plus/es/components/descriptions-item/style/css';
